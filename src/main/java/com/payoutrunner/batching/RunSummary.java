package com.payoutrunner.batching;

import java.util.Map;

/**
 * The one-line result of a run, printed last by run/rerun and saved as summary.json.
 * Counts cover the whole run (the job instance), restarts included; a submission counts
 * for the run that made its latest attempt (so a rerun that confirms an order an earlier
 * run left in doubt counts it as created). {@code unconfirmed}: sent, but the bank's
 * answer was lost; the next restart or rerun asks the bank about them.
 */
public record RunSummary(long runId, long jobExecutionId, String event, String status, long created, long skipped,
		long failed, long unconfirmed, Map<String, Long> skipBreakdown, Map<String, Long> failedBreakdown,
		String skipReport) {
}
