package com.payoutrunner.core;

import java.nio.file.Path;

/** A reference table or input file that cannot be used, with the place and the reason. */
public class TableFormatException extends RuntimeException {

	public TableFormatException(Path file, long line, String column, String reason) {
		super(file + ":" + line + (column == null ? "" : " column '" + column + "'") + ": " + reason);
	}

	public TableFormatException(Path file, String reason) {
		super(file + ": " + reason);
	}

}
