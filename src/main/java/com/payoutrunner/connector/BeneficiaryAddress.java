package com.payoutrunner.connector;

import java.util.Optional;

import com.payoutrunner.payout.BankDetails;

/**
 * How a connector addresses the beneficiary, and so which details a payout needs to be
 * sent through it. A bank API addresses the beneficiary by the external account (an
 * account or counterparty held at the provider, as Modern Treasury's external accounts or
 * Stripe's destinations); only a file format needs bank coordinates. Pure.
 */
public enum BeneficiaryAddress {

	/**
	 * A bank API: the external account id, or (an API payout given by coordinates) an
	 * IBAN or an account number sent inline.
	 */
	EXTERNAL_ACCOUNT("an external account id, an IBAN or an account number"),

	/** A SEPA pain.001 file: the creditor's IBAN (BIC optional). */
	IBAN("an IBAN"),

	/** A NACHA file: the receiving bank's ABA routing number and the account number. */
	ROUTING_AND_ACCOUNT_NUMBER("an ABA routing number and an account number");

	private final String needs;

	BeneficiaryAddress(String needs) {
		this.needs = needs;
	}

	/**
	 * @return what the payout lacks to be addressed this way (e.g. "an IBAN"), or empty
	 * when it can be sent
	 */
	public Optional<String> missing(String externalAccountId, BankDetails bank) {
		boolean addressed = switch (this) {
			case EXTERNAL_ACCOUNT ->
				present(externalAccountId) || present(bank.iban()) || present(bank.accountNumber());
			case IBAN -> present(bank.iban());
			case ROUTING_AND_ACCOUNT_NUMBER -> present(bank.routingNumber()) && present(bank.accountNumber());
		};
		return addressed ? Optional.empty() : Optional.of(needs);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
