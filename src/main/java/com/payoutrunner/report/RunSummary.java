package com.payoutrunner.report;

import java.util.Map;

/**
 * The one-line result of a run, printed last by run/rerun and saved as summary.json.
 * Counts cover the whole run (the job instance), restarts included. {@code unconfirmed}:
 * sent, but the bank's answer was lost; the next restart or rerun resolves them by
 * sending the same order again.
 */
public record RunSummary(long runId, long jobExecutionId, String event, String status, long created, long skipped,
		long failed, long unconfirmed, Map<String, Long> skipBreakdown, Map<String, Long> failedBreakdown,
		String skipReport) {
}
