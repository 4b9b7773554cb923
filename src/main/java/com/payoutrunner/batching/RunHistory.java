package com.payoutrunner.batching;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The runs (job instances of payoutRunJob) of an event, read from Spring Batch's tables.
 */
@Repository
public class RunHistory {

	private static final String RUNS_OF_EVENT = """
			SELECT DISTINCT e.job_instance_id, coalesce(r.parameter_value, '0')::bigint AS rerun
			FROM batch_job_execution e
			JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = :job
			JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
			     AND p.parameter_name = 'event' AND p.parameter_value = :event
			LEFT JOIN batch_job_execution_params r ON r.job_execution_id = e.job_execution_id
			     AND r.parameter_name = 'rerun'
			ORDER BY rerun""";

	/** A run of the event: its job instance and rerun number (0 for the first run). */
	public record Run(long jobInstanceId, long rerun) {
	}

	private final JdbcClient jdbc;

	public RunHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the run built lines that wait for its run approval gate (it stopped or died
	 * before the gate, or waits for approval): nothing but that run's own resumption (or
	 * its rejection) can send or release them.
	 */
	public boolean hasLinesBeforeItsGate(long runId) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM payout_batch_lines l WHERE l.run_id = :runId AND l.status = 'queued')
				   AND NOT EXISTS (SELECT 1 FROM run_gate_passes g WHERE g.run_id = :runId)""")
			.param("runId", runId)
			.query(Boolean.class)
			.single();
	}

	/** The event's runs, first run first. */
	public List<Run> runsOf(String event) {
		return jdbc.sql(RUNS_OF_EVENT)
			.param("job", PayoutRunJobConfiguration.JOB_NAME)
			.param("event", event)
			.query(Run.class)
			.list();
	}

}
