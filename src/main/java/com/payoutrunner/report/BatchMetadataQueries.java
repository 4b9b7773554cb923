package com.payoutrunner.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one place that reads Spring Batch's metadata tables ({@code batch_*}) with SQL: the
 * questions its {@code JobRepository} cannot answer without loading every execution of a
 * job with its steps and contexts (executions filtered by a job parameter, with paging;
 * the job instances of a liquidation event). Everything else (one execution, its steps,
 * the running executions of a job) is asked of the {@code JobRepository}.
 */
@Repository
public class BatchMetadataQueries {

	/**
	 * One row per execution, with the parameters that name a payout run's business key
	 * (event and rerun, or schedule and slot).
	 */
	private static final String EXECUTIONS = """
			SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.exit_message,
			       e.create_time, e.start_time, e.end_time, p.event, p.rerun, p.schedule, p.slot
			FROM batch_job_execution e
			JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
			LEFT JOIN LATERAL (
			    SELECT max(parameter_value) FILTER (WHERE parameter_name = 'event') AS event,
			           max(parameter_value) FILTER (WHERE parameter_name = 'rerun') AS rerun,
			           max(parameter_value) FILTER (WHERE parameter_name = 'schedule') AS schedule,
			           max(parameter_value) FILTER (WHERE parameter_name = 'slot') AS slot
			    FROM batch_job_execution_params WHERE job_execution_id = e.job_execution_id) p ON true
			""";

	/**
	 * Found by parameter through its index, as {@link #OF_EVENT}: no scan of every run.
	 */
	static final String FILTERED = EXECUTIONS + """
			WHERE (CAST(:id AS bigint) IS NULL OR e.job_execution_id = :id)
			  AND (CAST(:job AS text) IS NULL OR i.job_name = :job)
			  AND (CAST(:status AS text) IS NULL OR e.status = :status)
			  AND (CAST(:event AS text) IS NULL OR e.job_execution_id IN (
			           SELECT job_execution_id FROM batch_job_execution_params
			           WHERE parameter_name = 'event' AND parameter_value = :event))
			  AND (CAST(:schedule AS text) IS NULL OR e.job_execution_id IN (
			           SELECT job_execution_id FROM batch_job_execution_params
			           WHERE parameter_name = 'schedule' AND parameter_value = :schedule))
			ORDER BY e.job_execution_id DESC
			LIMIT :limit OFFSET :offset""";

	/** The event's executions found by their parameter first: no scan of every run. */
	private static final String OF_EVENT = EXECUTIONS + """
			WHERE e.job_execution_id IN (SELECT job_execution_id FROM batch_job_execution_params
			                             WHERE parameter_name = 'event' AND parameter_value = :event)
			ORDER BY e.job_execution_id""";

	private static final String INSTANCES_OF_EVENT = """
			SELECT DISTINCT e.job_instance_id, coalesce(r.parameter_value, '0')::bigint AS rerun
			FROM batch_job_execution e
			JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = :job
			JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
			     AND p.parameter_name = 'event' AND p.parameter_value = :event
			LEFT JOIN batch_job_execution_params r ON r.job_execution_id = e.job_execution_id
			     AND r.parameter_name = 'rerun'
			ORDER BY rerun""";

	/**
	 * A job execution as its tables hold it; {@code event}, {@code rerun},
	 * {@code schedule} and {@code slot} are its parameters of those names (null when it
	 * has none).
	 */
	public record ExecutionRow(long jobExecutionId, long jobInstanceId, String jobName, String status, String exitCode,
			String exitMessage, LocalDateTime createTime, LocalDateTime startTime, LocalDateTime endTime, String event,
			String rerun, String schedule, String slot) {
	}

	/** Filters of the execution list; null means any. */
	public record Filter(String job, String status, String event, String schedule, int limit, int offset) {
	}

	/** A job instance of an event and its rerun number (0 for the first run). */
	public record EventInstance(long jobInstanceId, long rerun) {
	}

	private final JdbcClient jdbc;

	public BatchMetadataQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The executions that pass the filter, newest first, one page. */
	public List<ExecutionRow> executions(Filter filter) {
		return filtered(null, filter);
	}

	public Optional<ExecutionRow> execution(long jobExecutionId) {
		return filtered(jobExecutionId, new Filter(null, null, null, null, 1, 0)).stream().findFirst();
	}

	/** Every execution (of any job) with the event as its parameter, oldest first. */
	public List<ExecutionRow> executionsOf(String event) {
		return jdbc.sql(OF_EVENT).param("event", event).query(ExecutionRow.class).list();
	}

	/** The job's instances for the event, first run first. */
	public List<EventInstance> instancesOf(String jobName, String event) {
		return jdbc.sql(INSTANCES_OF_EVENT)
			.param("job", jobName)
			.param("event", event)
			.query(EventInstance.class)
			.list();
	}

	private List<ExecutionRow> filtered(Long id, Filter filter) {
		return jdbc.sql(FILTERED)
			.param("id", id)
			.param("job", filter.job())
			.param("status", filter.status())
			.param("event", filter.event())
			.param("schedule", filter.schedule())
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(ExecutionRow.class)
			.list();
	}

}
