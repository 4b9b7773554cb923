package com.payoutrunner.reconciliation;

import java.util.List;

/**
 * A bank statement as read: its entries, and the rows that could not be read.
 *
 * @param format {@code csv} or {@code camt.053}
 */
public record Statement(String format, List<StatementLine> lines, List<RejectedRow> rejected) {

	public Statement {
		lines = List.copyOf(lines);
		rejected = List.copyOf(rejected);
	}

}
