package com.payoutrunner.intake;

import java.util.Map;

/**
 * The result of an import (the whole job instance, restarts included): rows read, loaded
 * (new payouts), unchanged (already stored, identical), rejected (each in the import
 * report with line, column and reason).
 */
public record ImportSummary(long runId, long jobExecutionId, String event, String file, String status, long rows,
		long loaded, long unchanged, long rejected, Map<String, Long> rejectedBreakdown, String importReport,
		String failure) {
}
