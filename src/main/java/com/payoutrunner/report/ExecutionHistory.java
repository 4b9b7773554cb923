package com.payoutrunner.report;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The import and run executions of an event with their step counters, from Spring Batch's
 * tables.
 */
@Repository
public class ExecutionHistory {

	private static final String EXECUTIONS = """
			SELECT e.job_execution_id, i.job_instance_id, i.job_name, e.status, e.start_time, e.end_time,
			       e.exit_message,
			       (SELECT parameter_value FROM batch_job_execution_params r
			        WHERE r.job_execution_id = e.job_execution_id AND r.parameter_name = 'rerun') AS rerun
			FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
			WHERE e.job_execution_id IN (SELECT job_execution_id FROM batch_job_execution_params
			                             WHERE parameter_name = 'event' AND parameter_value = :event)
			ORDER BY e.job_execution_id""";

	private static final String STEPS = """
			SELECT step_name, status, read_count, write_count, filter_count,
			       read_skip_count + process_skip_count + write_skip_count AS skip_count,
			       coalesce(extract(epoch FROM end_time - start_time), 0)::float8 AS seconds
			FROM batch_step_execution WHERE job_execution_id = :id ORDER BY step_execution_id""";

	public record Execution(long jobExecutionId, long jobInstanceId, String jobName, String status,
			LocalDateTime startTime, LocalDateTime endTime, String exitMessage, String rerun, List<Step> steps) {
	}

	/** A step execution's counters and wall time ({@code seconds} is 0 while it runs). */
	public record Step(String stepName, String status, long readCount, long writeCount, long filterCount,
			long skipCount, double seconds) {

		/** Items the step handled: what it read, or for a tasklet what it wrote. */
		public long items() {
			return Math.max(readCount, writeCount);
		}
	}

	private record Row(long jobExecutionId, long jobInstanceId, String jobName, String status, LocalDateTime startTime,
			LocalDateTime endTime, String exitMessage, String rerun) {
	}

	private final JdbcClient jdbc;

	public ExecutionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Execution> executionsOf(String event) {
		return jdbc.sql(EXECUTIONS)
			.param("event", event)
			.query(Row.class)
			.list()
			.stream()
			.map(r -> new Execution(r.jobExecutionId(), r.jobInstanceId(), r.jobName(), r.status(), r.startTime(),
					r.endTime(), r.exitMessage(), r.rerun(), steps(r.jobExecutionId())))
			.toList();
	}

	public List<Step> steps(long jobExecutionId) {
		return jdbc.sql(STEPS).param("id", jobExecutionId).query(Step.class).list();
	}

}
