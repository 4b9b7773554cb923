package com.payoutrunner.batching;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The payouts {@code buildBatchLinesStep} reads, as a WHERE clause over {@code payouts}
 * with its values: the run's selection, and for a scheduled slot only what is due by
 * then. Shared by the step's partitioner and its partitions' reader, so that the ranges
 * cover exactly what the reader reads.
 */
record PayoutSelection(String where, Map<String, Object> parameters) {

	static PayoutSelection of(JobParameters parameters) {
		RunSelection selection = RunSelection.fromJobParameters(parameters);
		String where = selection.whereClause();
		Map<String, Object> values = new HashMap<>(selection.parameters());
		String dueBy = parameters.getString(PayoutRunJobParameters.DUE_BY);
		if (dueBy != null) {
			// Not yet due: not read at all, rather than skipped by every slot until it
			// is.
			where += " AND (scheduled_at IS NULL OR scheduled_at <= CAST(:dueBy AS timestamptz))";
			values.put("dueBy", dueBy);
		}
		return new PayoutSelection(where, Map.copyOf(values));
	}

}
