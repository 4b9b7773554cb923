package com.payoutrunner.api;

import java.time.LocalDateTime;
import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import com.payoutrunner.report.ExecutionHistory;

/**
 * One step's progress: counts as Spring Batch keeps them, and the rate so far. A
 * partitioned step's counts add up its partitions', each listed with the worker that ran
 * it (empty for a step that is not partitioned).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StepView(String name, String status, long read, long written, long filtered, long skipped, long commits,
		long rollbacks, LocalDateTime startedAt, LocalDateTime endedAt, Double itemsPerSecond,
		List<PartitionView> partitions) {

	/**
	 * One partition: its counts and the worker ({@code host:pid} or its name) that ran
	 * it.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	record PartitionView(String name, String status, long read, long written, long skipped, String worker) {

		static PartitionView of(ExecutionHistory.Partition partition) {
			return new PartitionView(partition.name(), partition.status(), partition.readCount(),
					partition.writeCount(), partition.skipCount(), partition.worker());
		}

	}

}
