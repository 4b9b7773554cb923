package com.payoutrunner.report;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each step of a job execution with its read count and wall time, for benchmarks. */
@Repository
public class StepTimings {

	public record StepTiming(String stepName, long readCount, double seconds) {
	}

	private final JdbcClient jdbc;

	public StepTimings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<StepTiming> of(long jobExecutionId) {
		return jdbc
			.sql("""
					SELECT step_name, greatest(read_count, write_count) AS read_count, extract(epoch FROM end_time - start_time)::float8 AS seconds
					FROM batch_step_execution WHERE job_execution_id = :id ORDER BY step_execution_id""")
			.param("id", jobExecutionId)
			.query(StepTiming.class)
			.list();
	}

}
