package com.payoutrunner.intake;

/**
 * The file as a whole cannot be imported (unreadable, empty, required columns missing):
 * the job stops.
 */
class ImportFileException extends RuntimeException {

	public ImportFileException(String message) {
		super(message);
	}

	public ImportFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
