package com.payoutrunner.batching;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.report.BatchMetadataQueries;

/**
 * The runs (job instances of payoutRunJob) of an event, and whether a run's lines wait
 * for its gate.
 */
@Repository
public class RunHistory {

	/** A run of the event: its job instance and rerun number (0 for the first run). */
	public record Run(long jobInstanceId, long rerun) {
	}

	private final JdbcClient jdbc;

	private final BatchMetadataQueries metadata;

	public RunHistory(JdbcClient jdbc, BatchMetadataQueries metadata) {
		this.jdbc = jdbc;
		this.metadata = metadata;
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
		return metadata.instancesOf(PayoutRunJobConfiguration.JOB_NAME, event)
			.stream()
			.map(instance -> new Run(instance.jobInstanceId(), instance.rerun()))
			.toList();
	}

}
