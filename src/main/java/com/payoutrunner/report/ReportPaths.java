package com.payoutrunner.report;

import java.nio.file.Path;

/** Where a job execution's reports go: {@code <reports dir>/<job execution id>/}. */
public class ReportPaths {

	private final Path root;

	public ReportPaths(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path directory(long jobExecutionId) {
		return root.resolve(Long.toString(jobExecutionId));
	}

	public Path skipReport(long jobExecutionId) {
		return directory(jobExecutionId).resolve("skips.csv");
	}

	public Path summary(long jobExecutionId) {
		return directory(jobExecutionId).resolve("summary.json");
	}

	public Path importErrors(long jobExecutionId) {
		return directory(jobExecutionId).resolve("import-errors.csv");
	}

	public Path importSummary(long jobExecutionId) {
		return directory(jobExecutionId).resolve("import-summary.json");
	}

}
