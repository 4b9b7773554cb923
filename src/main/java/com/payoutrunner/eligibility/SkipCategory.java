package com.payoutrunner.eligibility;

import java.util.Locale;

/**
 * Why a run did not pay a payout. The code is stable: it appears in reports, summaries
 * and the database.
 */
public enum SkipCategory {

	EXISTING_PAYMENT_ORDER("the payout already has a payment order"),
	INVALID_METHOD("the payment method is not one of ACH, Wire"),
	INVALID_AMOUNT("the amount is missing or not above zero"),
	MISSING_EXTERNAL_ACCOUNT("no external account id is given"), MISSING_COUNTRY("no country is given"),
	NOT_YET_DUE("the payout is scheduled after the run's business date"),
	RETRY_NOT_DUE("the payout's submission failed and its next attempt is not due yet"),
	INVALID_IBAN("the IBAN fails its check digits or length"),
	INVALID_BIC("the BIC is not a valid bank identifier code"),
	INVALID_ROUTING_NUMBER("the ABA routing number fails its check digit"),
	MISSING_BANK_DETAILS("the rail needs bank details the payout does not have"),
	UNSUPPORTED_CURRENCY("no FX rate is configured for the currency"),
	AMOUNT_BELOW_FEES("the fees would take the whole amount"), AWAITING_APPROVAL("the payout waits for approval"),
	CANCELLED("the payout was cancelled"),

	REJECTED("an approver rejected the payout"),
	DEAD_LETTER("the payout is in the dead-letter queue, waiting for an operator");

	private final String description;

	SkipCategory(String description) {
		this.description = description;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String description() {
		return description;
	}

}
