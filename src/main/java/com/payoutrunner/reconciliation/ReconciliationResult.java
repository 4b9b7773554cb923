package com.payoutrunner.reconciliation;

import java.nio.file.Path;

/**
 * What reconciling one statement did; {@code alreadyApplied} when the same content was
 * applied before (nothing changed this time, the counts are zero).
 *
 * @param statementId the statement's id (GET /api/reconciliations/{id})
 * @param matchedLines statement lines matched to payouts
 * @param settled payouts moved to settled, for less included
 * @param settledForLess payouts the bank paid less than it was asked to
 * @param returned payouts moved to returned (before or after settlement)
 * @param unmatchedLines lines that matched no sent payout
 * @param rejectedRows rows that could not be read
 * @param ignoredLines pending entries
 * @param overdue sent payouts no statement has settled for the configured days
 * @param deliveredBy who or what delivered the statement (the API user, {@code inbox},
 * {@code cli:<os user>}); for one applied before, who delivered it then
 * @param needsReview lines paid less without saying why: nothing changed
 * @param pendingConfirmation lines that give money back and wait for a second person
 * ({@code POST /api/reconciliations/{id}/confirm})
 */
public record ReconciliationResult(long statementId, String statement, String format, boolean alreadyApplied, int lines,
		int matchedLines, int settled, int settledForLess, int returned, int unmatchedLines, int rejectedRows,
		int ignoredLines, int overdue, int unmatchedAfterDays, int batchesSettled, int batchesPartial, Path report,
		String deliveredBy, int needsReview, int pendingConfirmation) {

	/** Something an operator must look at: exit code 1. */
	public boolean needsAttention() {
		return unmatchedLines > 0 || rejectedRows > 0 || overdue > 0 || settledForLess > 0 || needsReview > 0
				|| pendingConfirmation > 0;
	}

}
