package com.payoutrunner.core;

/**
 * An XML file that cannot be read as a whole (not well-formed, a document type
 * declaration, nested too deep, not the document expected): the line where it went wrong
 * (0 when the parser does not know) and why.
 */
public class XmlFileException extends RuntimeException {

	private final int line;

	private final String reason;

	public XmlFileException(int line, String reason) {
		super((line > 0 ? "line " + line + ": " : "") + reason);
		this.line = line;
		this.reason = reason;
	}

	public int line() {
		return line;
	}

	/** The message without its line. */
	public String reason() {
		return reason;
	}

}
