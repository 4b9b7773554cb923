package com.payoutrunner.connector.file;

import java.util.Arrays;
import java.util.Optional;

/**
 * The bank file formats, each with the name it is routed by (as a connector in
 * {@code payout.connectors}) and the one rail and currency it can carry.
 */
public enum BankFileFormat {

	/** ISO 20022 pain.001.001.09, SEPA credit transfers in euro. */
	SEPA_PAIN_001("sepa-pain001-file", "SEPA", "EUR", "xml"),

	/** NACHA CCD credits in US dollars. */
	ACH_NACHA("ach-nacha-file", "ACH", "USD", "ach");

	private final String connector;

	private final String rail;

	private final String currency;

	private final String extension;

	BankFileFormat(String connector, String rail, String currency, String extension) {
		this.connector = connector;
		this.rail = rail;
		this.currency = currency;
		this.extension = extension;
	}

	public String connector() {
		return connector;
	}

	public String rail() {
		return rail;
	}

	public String currency() {
		return currency;
	}

	public String extension() {
		return extension;
	}

	public static Optional<BankFileFormat> forConnector(String connector) {
		return Arrays.stream(values()).filter(format -> format.connector.equals(connector)).findFirst();
	}

}
