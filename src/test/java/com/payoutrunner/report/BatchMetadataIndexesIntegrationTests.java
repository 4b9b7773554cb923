package com.payoutrunner.report;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runs list filtered by event or schedule finds its runs through indexes, not by
 * reading every execution's parameters (which took minutes with 20,000 executions). The
 * test database is small, so the planner is told to avoid sequential scans where it can:
 * a missing index still shows as one.
 */
class BatchMetadataIndexesIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theRunsOfAnEventAreFoundThroughIndexes() {
		assertThat(plan("LIQ-INDEXED", null)).noneMatch(line -> line.contains("Seq Scan"))
			.anyMatch(line -> line.contains("ix_batch_job_execution_params_event"));
	}

	@Test
	void theRunsOfAScheduleAreFoundThroughIndexes() {
		assertThat(plan(null, "month-end")).noneMatch(line -> line.contains("Seq Scan"))
			.anyMatch(line -> line.contains("ix_batch_job_execution_params_schedule"));
	}

	private List<String> plan(String event, String schedule) {
		return transaction.execute(tx -> {
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
			return jdbc.sql("EXPLAIN " + BatchMetadataQueries.FILTERED)
				.param("id", null)
				.param("job", null)
				.param("status", null)
				.param("event", event)
				.param("schedule", schedule)
				.param("limit", 50)
				.param("offset", 0)
				.query(String.class)
				.list();
		});
	}

}
