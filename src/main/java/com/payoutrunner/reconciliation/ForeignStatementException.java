package com.payoutrunner.reconciliation;

/**
 * A statement that does not name one of our accounts (or names another's too): it is not
 * the bank's statement of our money, and nothing in it is applied.
 */
public class ForeignStatementException extends StatementFileException {

	public ForeignStatementException(int line, String message) {
		super(line, message);
	}

}
