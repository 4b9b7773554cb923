package com.payoutrunner.batching;

import com.payoutrunner.core.DisplayPath;
import com.payoutrunner.report.ReportPaths;
import com.payoutrunner.report.SkipRecordRepository;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Computes a run's summary from the database, so it is exact whatever restarts happened.
 */
@Service
public class RunSummaryService {

	private static final String SUBMISSION_COUNTS = """
			SELECT count(*) FILTER (WHERE status = 'accepted') AS created,
			       count(*) FILTER (WHERE status IN ('failed', 'rejected')) AS failed,
			       count(*) FILTER (WHERE status IN ('sending', 'unknown')) AS unconfirmed
			FROM payment_submissions WHERE run_id = :runId""";

	private static final String SUBMISSION_COUNTS_PER_RUN = """
			SELECT run_id, count(*) FILTER (WHERE status = 'accepted') AS created,
			       count(*) FILTER (WHERE status IN ('failed', 'rejected')) AS failed,
			       count(*) FILTER (WHERE status IN ('sending', 'unknown')) AS unconfirmed
			FROM payment_submissions WHERE run_id IN (:runIds) GROUP BY run_id""";

	private static final String FAILED_BREAKDOWN = """
			SELECT coalesce(reason_code, status) AS category, count(*) AS failures FROM payment_submissions
			WHERE run_id = :runId AND status IN ('failed', 'rejected')
			GROUP BY 1 ORDER BY count(*) DESC, 1""";

	private final JdbcClient jdbc;

	private final SkipRecordRepository skips;

	private final ReportPaths paths;

	private final JsonMapper json;

	public RunSummaryService(JdbcClient jdbc, SkipRecordRepository skips, ReportPaths paths, JsonMapper json) {
		this.jdbc = jdbc;
		this.skips = skips;
		this.paths = paths;
		this.json = json;
	}

	public RunSummary summarize(JobExecution execution) {
		long runId = execution.getJobInstance().getInstanceId();
		Map<String, Long> breakdown = skips.breakdown(runId);
		long[] counts = jdbc.sql(SUBMISSION_COUNTS)
			.param("runId", runId)
			.query((rs, n) -> new long[] { rs.getLong("created"), rs.getLong("failed"), rs.getLong("unconfirmed") })
			.single();
		Map<String, Long> failedBreakdown = new LinkedHashMap<>();
		jdbc.sql(FAILED_BREAKDOWN).param("runId", runId).query(rs -> {
			failedBreakdown.put(rs.getString("category"), rs.getLong("failures"));
		});
		Path report = paths.skipReport(execution.getId());
		return new RunSummary(runId, execution.getId(),
				execution.getJobParameters().getString(PayoutRunJobParameters.EVENT), status(execution), counts[0],
				breakdown.values().stream().mapToLong(Long::longValue).sum(), counts[1], counts[2], breakdown,
				failedBreakdown, DisplayPath.of(report));
	}

	/** A run's counts without its breakdowns, as lists of runs show them. */
	public record RunCounts(long created, long skipped, long failed, long unconfirmed) {
	}

	/**
	 * The counts of many runs (by run id, the job instance id) in two queries, for lists;
	 * a run with nothing submitted or skipped counts zeros.
	 */
	public Map<Long, RunCounts> countsOf(Collection<Long> runIds) {
		Map<Long, RunCounts> counts = new HashMap<>();
		if (runIds.isEmpty()) {
			return counts;
		}
		Map<Long, Long> skipped = skips.skippedPerRun(runIds);
		Map<Long, long[]> submitted = new HashMap<>();
		jdbc.sql(SUBMISSION_COUNTS_PER_RUN).param("runIds", runIds).query(rs -> {
			submitted.put(rs.getLong("run_id"),
					new long[] { rs.getLong("created"), rs.getLong("failed"), rs.getLong("unconfirmed") });
		});
		for (Long runId : runIds) {
			long[] sent = submitted.getOrDefault(runId, new long[3]);
			counts.put(runId, new RunCounts(sent[0], skipped.getOrDefault(runId, 0L), sent[1], sent[2]));
		}
		return counts;
	}

	/**
	 * The execution's status, or what stopped or ended it when that says more: a run over
	 * the run ceiling is STOPPED with exit code AWAITING_APPROVAL, a rejected one
	 * ABANDONED with REJECTED.
	 */
	private static String status(JobExecution execution) {
		String exitCode = execution.getExitStatus().getExitCode();
		return RUN_APPROVAL_EXIT_CODES.contains(exitCode) ? exitCode : execution.getStatus().name();
	}

	private static final java.util.Set<String> RUN_APPROVAL_EXIT_CODES = java.util.Set.of("AWAITING_APPROVAL",
			"REJECTED");

	/** The summary as one line of JSON, keys in the documented order. */
	public String toJson(RunSummary summary) {
		ObjectNode node = json.createObjectNode();
		node.put("run_id", summary.runId());
		node.put("job_execution_id", summary.jobExecutionId());
		node.put("event", summary.event());
		node.put("status", summary.status());
		node.put("created", summary.created());
		node.put("skipped", summary.skipped());
		node.put("failed", summary.failed());
		node.put("unconfirmed", summary.unconfirmed());
		ObjectNode skipBreakdown = node.putObject("skip_breakdown");
		summary.skipBreakdown().forEach(skipBreakdown::put);
		ObjectNode failedBreakdown = node.putObject("failed_breakdown");
		summary.failedBreakdown().forEach(failedBreakdown::put);
		node.put("skip_report", summary.skipReport());
		return json.writeValueAsString(node);
	}

}
