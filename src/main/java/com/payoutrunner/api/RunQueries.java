package com.payoutrunner.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Job executions and their steps, read from Spring Batch's tables for the API. */
@Repository
class RunQueries {

	private static final String RUNS = """
			SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.status, e.exit_code, e.create_time,
			       e.start_time, e.end_time, p.event, p.rerun, p.schedule, p.slot
			FROM batch_job_execution e
			JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
			LEFT JOIN LATERAL (
			    SELECT max(parameter_value) FILTER (WHERE parameter_name = 'event') AS event,
			           max(parameter_value) FILTER (WHERE parameter_name = 'rerun') AS rerun,
			           max(parameter_value) FILTER (WHERE parameter_name = 'schedule') AS schedule,
			           max(parameter_value) FILTER (WHERE parameter_name = 'slot') AS slot
			    FROM batch_job_execution_params WHERE job_execution_id = e.job_execution_id) p ON true
			WHERE (CAST(:id AS bigint) IS NULL OR e.job_execution_id = :id)
			  AND (CAST(:job AS text) IS NULL OR i.job_name = :job)
			  AND (CAST(:status AS text) IS NULL OR e.status = :status)
			  AND (CAST(:event AS text) IS NULL OR p.event = :event)
			  AND (CAST(:schedule AS text) IS NULL OR p.schedule = :schedule)
			ORDER BY e.job_execution_id DESC
			LIMIT :limit OFFSET :offset""";

	private static final String STEPS = """
			SELECT step_name, status, read_count, write_count, filter_count,
			       read_skip_count + process_skip_count + write_skip_count AS skipped, commit_count, rollback_count,
			       start_time, end_time
			FROM batch_step_execution WHERE job_execution_id = :id ORDER BY step_execution_id""";

	/** Filters of the run list; null means any. */
	record Filter(String job, String status, String event, String schedule, int limit, int offset) {
	}

	private final JdbcClient jdbc;

	RunQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RunView> runs(Filter filter) {
		return query(null, filter);
	}

	Optional<RunView> run(long id) {
		return query(id, new Filter(null, null, null, null, 1, 0)).stream().findFirst();
	}

	List<StepView> steps(long id) {
		return jdbc.sql(STEPS).param("id", id).query((rs, n) -> {
			LocalDateTime start = rs.getObject("start_time", LocalDateTime.class);
			LocalDateTime end = rs.getObject("end_time", LocalDateTime.class);
			long read = rs.getLong("read_count");
			return new StepView(rs.getString("step_name"), rs.getString("status"), read, rs.getLong("write_count"),
					rs.getLong("filter_count"), rs.getLong("skipped"), rs.getLong("commit_count"),
					rs.getLong("rollback_count"), start, end, rate(read, start, end));
		}).list();
	}

	private List<RunView> query(Long id, Filter filter) {
		return jdbc.sql(RUNS)
			.param("id", id)
			.param("job", filter.job())
			.param("status", filter.status())
			.param("event", filter.event())
			.param("schedule", filter.schedule())
			.param("limit", filter.limit())
			.param("offset", filter.offset())
			.query(RunQueries::view)
			.list();
	}

	private static RunView view(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("job_execution_id");
		String rerun = rs.getString("rerun");
		return new RunView(id, rs.getLong("job_instance_id"), rs.getString("job_name"), rs.getString("status"),
				rs.getString("exit_code"), rs.getString("event"), rerun == null ? null : Long.valueOf(rerun),
				rs.getString("schedule"), rs.getString("slot"), rs.getObject("create_time", LocalDateTime.class),
				rs.getObject("start_time", LocalDateTime.class), rs.getObject("end_time", LocalDateTime.class),
				new RunView.Links("/api/runs/" + id, "/api/runs/" + id + "/skips"));
	}

	private static Double rate(long items, LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return null;
		}
		long millis = Duration.between(start, end != null ? end : LocalDateTime.now()).toMillis();
		return millis <= 0 ? null : Math.round(items * 1000.0 / millis * 10) / 10.0;
	}

}
