package com.payoutrunner.partitioning;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Partitions a step's rows by ranges of their id column: one query numbers the rows the
 * step would read into {@code gridSize} equal buckets ({@code ntile}) and returns where
 * each starts; {@link IdRanges} turns that into contiguous ranges. Each partition's
 * execution context holds its range under {@link #MIN_ID} and {@link #MAX_ID}, which its
 * reader adds to its filter. On a restart Spring Batch asks only for the names (always
 * {@code partition0..gridSize-1}) and reuses each partition's saved range and reader
 * state.
 */
public class IdRangePartitioner implements Partitioner, PartitionNameProvider {

	public static final String MIN_ID = "minId";

	public static final String MAX_ID = "maxId";

	/** A reader's extra filter over its id column, bound from the partition's context. */
	public static String rangeFilter(String idColumn) {
		return " AND " + idColumn + " BETWEEN :" + MIN_ID + " AND :" + MAX_ID;
	}

	private final JdbcClient jdbc;

	private final String idColumn;

	private final String from;

	private final String where;

	private final Map<String, Object> parameters;

	/**
	 * @param from the FROM clause the step reads ({@code FROM payouts})
	 * @param where its WHERE clause, with named parameters
	 */
	public IdRangePartitioner(JdbcClient jdbc, String idColumn, String from, String where,
			Map<String, Object> parameters) {
		this.jdbc = jdbc;
		this.idColumn = idColumn;
		this.from = from;
		this.where = where;
		this.parameters = Map.copyOf(parameters);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		String sql = """
				SELECT min(id) AS start, max(max(id)) OVER () AS last
				FROM (SELECT %s AS id, ntile(%d) OVER (ORDER BY %s) AS bucket %s %s) AS numbered
				GROUP BY bucket ORDER BY bucket""".formatted(idColumn, gridSize, idColumn, from, where);
		List<long[]> rows = jdbc.sql(sql)
			.params(parameters)
			.query((rs, n) -> new long[] { rs.getLong("start"), rs.getLong("last") })
			.list();
		long maxId = rows.isEmpty() ? 0 : rows.get(0)[1];
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		for (IdRanges.Range range : IdRanges.split(rows.stream().map(row -> row[0]).toList(), maxId, gridSize)) {
			ExecutionContext context = new ExecutionContext();
			context.putLong(MIN_ID, range.min());
			context.putLong(MAX_ID, range.max());
			contexts.put(range.name(), context);
		}
		return contexts;
	}

	@Override
	public Collection<String> getPartitionNames(int gridSize) {
		return IntStream.range(0, gridSize).mapToObj(IdRanges::partitionName).toList();
	}

}
