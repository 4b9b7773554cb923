package com.payoutrunner.intake;

/** Identifying parameters of importPayoutsJob. Released names: never rename. */
final class ImportPayoutsJobParameters {

	public static final String EVENT = "event";

	/** Absolute path of the CSV file. */
	public static final String FILE = "file";

	/**
	 * SHA-256 of the file's content: the same content imported again is the same job
	 * instance ("already done").
	 */
	public static final String FILE_SHA256 = "file.sha256";

	private ImportPayoutsJobParameters() {
	}

}
