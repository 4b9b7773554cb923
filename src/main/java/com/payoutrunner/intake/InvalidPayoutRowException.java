package com.payoutrunner.intake;

import com.payoutrunner.core.AccountMask;

/**
 * A row that cannot be imported: reported with its line, column and reason; the rest of
 * the file still loads. A reason about an account column ({@code iban},
 * {@code account_number}, {@code external_account_id}) never quotes the cell.
 */
class InvalidPayoutRowException extends RuntimeException {

	private final long line;

	private final String column;

	private final String category;

	public InvalidPayoutRowException(long line, String column, String category, String reason) {
		// The reason is stored (import_errors) and reported (import-errors.csv): a value
		// that looks like an account, wherever a shifted row put it, is masked.
		super(AccountMask.maskWithin(reason), null, false, false);
		this.line = line;
		this.column = column;
		this.category = category;
	}

	public long line() {
		return line;
	}

	public String column() {
		return column;
	}

	public String category() {
		return category;
	}

	public String reason() {
		return getMessage();
	}

}
