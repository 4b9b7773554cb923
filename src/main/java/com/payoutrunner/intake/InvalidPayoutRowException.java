package com.payoutrunner.intake;

/**
 * A row that cannot be imported: reported with its line, column and reason; the rest of
 * the file still loads.
 */
public class InvalidPayoutRowException extends RuntimeException {

	private final long line;

	private final String column;

	private final String category;

	public InvalidPayoutRowException(long line, String column, String category, String reason) {
		super(reason, null, false, false);
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
