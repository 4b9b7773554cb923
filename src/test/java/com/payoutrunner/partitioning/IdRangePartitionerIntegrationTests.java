package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The partitioner's SQL on PostgreSQL, over a list of ids: equal buckets whatever the
 * gaps, every id in exactly one range, stable names when there are fewer ids than
 * partitions or none.
 */
class IdRangePartitionerIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void noIdsGiveOnlyEmptyPartitions() {
		Map<String, ExecutionContext> partitions = partition(new long[0], 3);

		assertThat(partitions).containsOnlyKeys("partition0", "partition1", "partition2");
		assertThat(partitions.values()).allSatisfy(context -> assertThat(context.getLong(IdRangePartitioner.MIN_ID))
			.isGreaterThan(context.getLong(IdRangePartitioner.MAX_ID)));
	}

	@Test
	void fewerIdsThanPartitions() {
		Map<String, ExecutionContext> partitions = partition(new long[] { 10, 20 }, 4);

		assertThat(ranges(partitions)).containsExactly(List.of(10L, 19L), List.of(20L, 20L), List.of(1L, 0L),
				List.of(1L, 0L));
	}

	@Test
	void gapsInTheIdsDoNotUnbalanceThePartitions() {
		long[] ids = LongStream.concat(LongStream.rangeClosed(1, 100), LongStream.rangeClosed(1_000_001, 1_000_100))
			.toArray();

		List<List<Long>> ranges = ranges(partition(ids, 4));

		assertThat(ranges).containsExactly(List.of(1L, 50L), List.of(51L, 1_000_000L), List.of(1_000_001L, 1_000_050L),
				List.of(1_000_051L, 1_000_100L));
		for (long id : ids) {
			assertThat(ranges.stream().filter(range -> range.get(0) <= id && id <= range.get(1))).hasSize(1);
		}
	}

	@Test
	void aRestartAsksOnlyForTheNames() {
		IdRangePartitioner partitioner = new IdRangePartitioner(jdbc, "id", "FROM payouts", "WHERE false", Map.of());

		assertThat(partitioner.getPartitionNames(3)).containsExactly("partition0", "partition1", "partition2");
	}

	private Map<String, ExecutionContext> partition(long[] ids, int gridSize) {
		return new IdRangePartitioner(jdbc, "id", "FROM unnest(CAST(:ids AS bigint[])) AS t(id)", "WHERE id > 0",
				Map.of("ids", LongStream.of(ids).boxed().toArray(Long[]::new)))
			.partition(gridSize);
	}

	private static List<List<Long>> ranges(Map<String, ExecutionContext> partitions) {
		return partitions.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(entry -> List.of(entry.getValue().getLong(IdRangePartitioner.MIN_ID),
					entry.getValue().getLong(IdRangePartitioner.MAX_ID)))
			.toList();
	}

}
