package com.payoutrunner.reconciliation;

/** Parameters of reconcileStatementJob. Released names: never rename. */
final class ReconcileStatementJobParameters {

	/**
	 * Identifying: SHA-256 of the statement's content. The same statement again, under
	 * any name, is the same job instance ("already done").
	 */
	public static final String STATEMENT_SHA256 = "statement.sha256";

	/**
	 * Absolute path of the statement file (not identifying: a restart may find it
	 * elsewhere).
	 */
	public static final String FILE = "statement.file";

	/**
	 * Sent payouts no statement has settled after this many days are listed as overdue.
	 */
	public static final String UNMATCHED_AFTER_DAYS = "unmatched.after.days";

	/**
	 * Who or what delivered the statement ({@link Delivery}): {@code inbox}, an API user,
	 * {@code cli:<os user>}. Not identifying: the same statement is the same instance
	 * whoever delivers it; the delivery that applies it is recorded with it.
	 */
	public static final String DELIVERED_BY = "statement.delivered.by";

	private ReconcileStatementJobParameters() {
	}

}
