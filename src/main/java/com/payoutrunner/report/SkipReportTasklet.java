package com.payoutrunner.report;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes the run's {@code skips.csv}, whole, on every attempt: a restarted run's report
 * is exact.
 */
public class SkipReportTasklet implements Tasklet {

	private final SkipReportCsv report;

	private final ReportPaths paths;

	public SkipReportTasklet(SkipReportCsv report, ReportPaths paths) {
		this.report = report;
		this.paths = paths;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = contribution.getStepExecution().getJobExecution();
		long runId = jobExecution.getJobInstance().getInstanceId();
		long[] written = { 0 };
		ReportFiles.writeAtomically(paths.skipReport(jobExecution.getId()),
				writer -> written[0] = report.write(runId, writer));
		contribution.incrementWriteCount(written[0]);
		return RepeatStatus.FINISHED;
	}

}
