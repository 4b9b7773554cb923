package com.payoutrunner.reconciliation;

import java.util.List;

/**
 * A bank statement as read: its entries, the rows that could not be read, and the
 * accounts it says it is a statement of.
 *
 * @param format {@code csv} or {@code camt.053}
 * @param accounts every account the statement names, where it names it (camt.053: each
 * {@code Stmt}'s {@code Acct}; CSV: each row's {@code account}); an empty account where a
 * {@code Stmt} or row names none. Empty when the statement has no account at all (a CSV
 * without an {@code account} column).
 */
record Statement(String format, List<StatementLine> lines, List<RejectedRow> rejected, List<NamedAccount> accounts) {

	public Statement {
		lines = List.copyOf(lines);
		rejected = List.copyOf(rejected);
		accounts = List.copyOf(accounts);
	}

	/**
	 * An account the statement names, as written.
	 *
	 * @param line where (the {@code Stmt}'s line, or the CSV row's)
	 */
	public record NamedAccount(int line, String account) {
	}

}
