package com.payoutrunner.reconciliation;

/**
 * A statement that cannot be read as a whole (no header, a required column missing, XML
 * that is not well-formed, not a camt.053): nothing in it is applied.
 */
public class StatementFileException extends RuntimeException {

	private final int line;

	public StatementFileException(int line, String message) {
		super((line > 0 ? "line " + line + ": " : "") + message);
		this.line = line;
	}

	public int line() {
		return line;
	}

}
