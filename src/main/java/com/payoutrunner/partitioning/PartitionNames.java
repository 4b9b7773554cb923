package com.payoutrunner.partitioning;

/**
 * Spring Batch names a partition's step execution {@code <manager step>:<partition>}
 * ({@code buildBatchLinesStep:partition0}): what a partition reports (skips, batch lines,
 * views) goes by its manager step's name.
 */
public final class PartitionNames {

	private static final char SEPARATOR = ':';

	private PartitionNames() {
	}

	public static boolean isPartition(String stepExecutionName) {
		return stepExecutionName.indexOf(SEPARATOR) >= 0;
	}

	/** The manager step's name; a step that is no partition keeps its own. */
	public static String stepOf(String stepExecutionName) {
		int at = stepExecutionName.indexOf(SEPARATOR);
		return at < 0 ? stepExecutionName : stepExecutionName.substring(0, at);
	}

	/** {@code partition0}; empty for a step that is no partition. */
	public static String partitionOf(String stepExecutionName) {
		int at = stepExecutionName.indexOf(SEPARATOR);
		return at < 0 ? "" : stepExecutionName.substring(at + 1);
	}

}
