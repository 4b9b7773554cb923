package com.payoutrunner.partitioning;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a set of ids into {@code gridSize} contiguous, non-overlapping ranges of about
 * the same number of ids, from where each of {@code gridSize} equal buckets of the sorted
 * ids starts (so gaps in the ids do not leave a range empty while another is full).
 * Always exactly {@code gridSize} ranges, named {@code partition0} … in order: a restart
 * finds its partitions by name, whatever the data looks like by then. Ranges with no ids
 * are empty ({@link Range#isEmpty()}).
 */
public final class IdRanges {

	private IdRanges() {
	}

	/** Ids {@code min..max}, both included; empty when {@code min > max}. */
	public record Range(String name, long min, long max) {

		public boolean isEmpty() {
			return min > max;
		}

	}

	public static String partitionName(int index) {
		return "partition" + index;
	}

	/**
	 * @param bucketStarts the smallest id of each non-empty bucket, ascending (at most
	 * {@code gridSize} of them; none when there are no ids)
	 * @param maxId the largest id (ignored when there are no buckets)
	 */
	public static List<Range> split(List<Long> bucketStarts, long maxId, int gridSize) {
		if (gridSize < 1) {
			throw new IllegalArgumentException("grid size must be at least 1, got " + gridSize);
		}
		if (bucketStarts.size() > gridSize) {
			throw new IllegalArgumentException(bucketStarts.size() + " buckets for a grid of " + gridSize);
		}
		List<Range> ranges = new ArrayList<>(gridSize);
		for (int i = 0; i < gridSize; i++) {
			if (i < bucketStarts.size()) {
				long end = i + 1 < bucketStarts.size() ? bucketStarts.get(i + 1) - 1 : maxId;
				ranges.add(new Range(partitionName(i), bucketStarts.get(i), end));
			}
			else {
				ranges.add(new Range(partitionName(i), 1, 0));
			}
		}
		return ranges;
	}

}
