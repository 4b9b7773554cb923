package com.payoutrunner.reconciliation;

/**
 * A statement row that could not be read; it is reported and the other rows still
 * reconcile.
 *
 * @param column the CSV column or camt.053 element at fault; null when the whole row is
 */
record RejectedRow(int line, String column, String reason) {

	String describe() {
		return column == null ? reason : column + ": " + reason;
	}

}
