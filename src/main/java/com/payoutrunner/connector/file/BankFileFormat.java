package com.payoutrunner.connector.file;

import java.util.Arrays;
import java.util.Optional;

import com.payoutrunner.connector.BeneficiaryAddress;

/**
 * The bank file formats, each with the name it is routed by (as a connector in
 * {@code payout.connectors}) and the one rail and currency it can carry.
 */
public enum BankFileFormat {

	/** ISO 20022 pain.001.001.09, SEPA credit transfers in euro. */
	SEPA_PAIN_001("sepa-pain001-file", "SEPA", "EUR", "xml", BeneficiaryAddress.IBAN),

	/** NACHA CCD credits in US dollars. */
	ACH_NACHA("ach-nacha-file", "ACH", "USD", "ach", BeneficiaryAddress.ROUTING_AND_ACCOUNT_NUMBER);

	private final String connector;

	private final String rail;

	private final String currency;

	private final String extension;

	private final BeneficiaryAddress beneficiaryAddress;

	BankFileFormat(String connector, String rail, String currency, String extension,
			BeneficiaryAddress beneficiaryAddress) {
		this.connector = connector;
		this.rail = rail;
		this.currency = currency;
		this.extension = extension;
		this.beneficiaryAddress = beneficiaryAddress;
	}

	/** The coordinates a file of this format must carry for each beneficiary. */
	public BeneficiaryAddress beneficiaryAddress() {
		return beneficiaryAddress;
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
