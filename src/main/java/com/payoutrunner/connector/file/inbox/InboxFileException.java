package com.payoutrunner.connector.file.inbox;

/** An inbox file that cannot be read; nothing in it is applied. */
class InboxFileException extends RuntimeException {

	private final int line;

	public InboxFileException(int line, String message) {
		super((line > 0 ? "line " + line + ": " : "") + message);
		this.line = line;
	}

	public int line() {
		return line;
	}

}
