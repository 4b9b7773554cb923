package com.payoutrunner.partitioning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The claims and heartbeats of remote partitions ({@code partition_heartbeats}): a worker
 * claims a partition before running it, beats while it runs and ends the claim after; the
 * manager asks which of its running partitions have gone quiet. The database's clock
 * times them all.
 */
@Repository
public class PartitionHeartbeats {

	private static final String CLAIM = """
			INSERT INTO partition_heartbeats (step_execution_id, worker) VALUES (:id, :worker)
			ON CONFLICT (step_execution_id) DO NOTHING""";

	private static final String BEAT = """
			UPDATE partition_heartbeats SET beat_at = now()
			WHERE step_execution_id = ANY(CAST(:ids AS bigint[])) AND ended_at IS NULL""";

	private static final String END = """
			UPDATE partition_heartbeats SET ended_at = now(), beat_at = now() WHERE step_execution_id = :id""";

	private static final String QUIET = """
			SELECT step_execution_id, worker || ' (last heartbeat ' || beat_at || ')' AS worker FROM partition_heartbeats
			WHERE step_execution_id = ANY(CAST(:ids AS bigint[]))
			  AND beat_at < now() - make_interval(secs => :seconds)
			ORDER BY step_execution_id""";

	private final JdbcClient jdbc;

	public PartitionHeartbeats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when another delivery of the same request claimed it first
	 */
	public boolean claim(long stepExecutionId, String worker) {
		return jdbc.sql(CLAIM).param("id", stepExecutionId).param("worker", worker).update() == 1;
	}

	public void beat(Collection<Long> stepExecutionIds) {
		if (!stepExecutionIds.isEmpty()) {
			jdbc.sql(BEAT).param("ids", stepExecutionIds.toArray(Long[]::new)).update();
		}
	}

	public void end(long stepExecutionId) {
		jdbc.sql(END).param("id", stepExecutionId).update();
	}

	/**
	 * Of these partitions (all STARTED, as the job repository says), those whose worker
	 * has not beaten for {@code seconds}: id → the worker and when it last beat.
	 */
	public Map<Long, String> quiet(Collection<Long> stepExecutionIds, long seconds) {
		Map<Long, String> quiet = new LinkedHashMap<>();
		if (!stepExecutionIds.isEmpty()) {
			jdbc.sql(QUIET).param("ids", stepExecutionIds.toArray(Long[]::new)).param("seconds", seconds).query(rs -> {
				quiet.put(rs.getLong("step_execution_id"), rs.getString("worker"));
			});
		}
		return quiet;
	}

}
