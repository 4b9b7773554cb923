package com.payoutrunner.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.report.ReportFiles;
import com.payoutrunner.report.ReportPaths;

/**
 * Counts an import from the database and writes its report (import-errors.csv) and
 * import-summary.json.
 */
@Service
public class ImportSummaryService {

	private final JdbcClient jdbc;

	private final JobRepository jobRepository;

	private final ImportRepository repository;

	private final ReportPaths paths;

	private final JsonMapper json;

	public ImportSummaryService(JdbcClient jdbc, JobRepository jobRepository, ImportRepository repository,
			ReportPaths paths, JsonMapper json) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
		this.repository = repository;
		this.paths = paths;
		this.json = json;
	}

	public ImportSummary summarize(JobExecution execution) {
		long runId = execution.getJobInstance().getInstanceId();
		long[] handled = rowsHandled(execution.getJobInstance());
		long loaded = jdbc.sql("SELECT count(*) FROM payouts WHERE import_job_instance_id = :runId")
			.param("runId", runId)
			.query(Long.class)
			.single();
		Map<String, Long> breakdown = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT category, count(*) AS n FROM import_errors WHERE run_id = :runId
				GROUP BY category ORDER BY count(*) DESC, category""").param("runId", runId).query(rs -> {
			breakdown.put(rs.getString("category"), rs.getLong("n"));
		});
		long rejected = breakdown.values().stream().mapToLong(Long::longValue).sum();
		long writtenButRejected = breakdown.getOrDefault(ImportedPayoutWriter.DUPLICATE_IN_FILE, 0L)
				+ breakdown.getOrDefault(ImportedPayoutWriter.CONFLICTS_WITH_STORED, 0L);
		String failure = execution.getAllFailureExceptions()
			.stream()
			.map(ImportSummaryService::rootMessage)
			.findFirst()
			.orElse(null);
		var params = execution.getJobParameters();
		return new ImportSummary(runId, execution.getId(), params.getString(ImportPayoutsJobParameters.EVENT),
				params.getString(ImportPayoutsJobParameters.FILE), execution.getStatus().name(),
				handled[0] + handled[1], loaded, Math.max(handled[0] - loaded - writtenButRejected, 0), rejected,
				breakdown, paths.importErrors(execution.getId()).toString(), failure);
	}

	/**
	 * Rows handled in committed chunks, over every execution of the import (a restart
	 * counts from where the last one stopped): written (new, unchanged or explained as an
	 * error) and skipped as invalid.
	 */
	private long[] rowsHandled(JobInstance importRun) {
		long written = 0;
		long skipped = 0;
		for (JobExecution execution : jobRepository.getJobExecutions(importRun)) {
			for (StepExecution step : execution.getStepExecutions()) {
				if (ImportPayoutsJobConfiguration.LOAD_STEP.equals(step.getStepName())) {
					written += step.getWriteCount();
					skipped += step.getProcessSkipCount();
				}
			}
		}
		return new long[] { written, skipped };
	}

	/**
	 * Writes import-errors.csv (line, column, category, reason; ordered by line) and
	 * import-summary.json. Read-only transaction: the row errors stream in it.
	 */
	@Transactional(readOnly = true)
	public void writeReports(JobExecution execution, ImportSummary summary) {
		ReportFiles.writeAtomically(paths.importErrors(execution.getId()), writer -> {
			CsvOutput csv = CsvOutput.withHeader(writer, "line", "column", "category", "reason");
			repository.forEachError(summary.runId(),
					error -> csv.row(error.lineNumber(), error.columnName(), error.category(), error.reason()));
			csv.finish();
		});
		ReportFiles.writeAtomically(paths.importSummary(execution.getId()),
				writer -> writer.write(toJson(summary) + "\n"));
	}

	public String toJson(ImportSummary s) {
		ObjectNode node = json.createObjectNode();
		node.put("run_id", s.runId());
		node.put("job_execution_id", s.jobExecutionId());
		node.put("event", s.event());
		node.put("file", s.file());
		node.put("status", s.status());
		node.put("rows", s.rows());
		node.put("loaded", s.loaded());
		node.put("unchanged", s.unchanged());
		node.put("rejected", s.rejected());
		ObjectNode breakdown = node.putObject("rejected_breakdown");
		s.rejectedBreakdown().forEach(breakdown::put);
		node.put("import_report", s.importReport());
		if (s.failure() != null) {
			node.put("failure", s.failure());
		}
		return json.writeValueAsString(node);
	}

	static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && !(t instanceof ImportFileException)) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
