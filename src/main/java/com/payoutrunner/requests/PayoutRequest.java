package com.payoutrunner.requests;

import java.time.Instant;
import java.util.UUID;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.Priority;

/**
 * A checked {@code POST /api/payouts} body. {@code canonical} is the request in one fixed
 * form (amount at the currency's scale, fields in a fixed order), so that the same
 * request sent again, however it was spelled, has the same fingerprint.
 */
public record PayoutRequest(String originModule, UUID originEntityId, Money amount, Priority priority,
		Beneficiary beneficiary, Instant scheduledRun, String metadataJson, String canonical) {

	/**
	 * Whom to pay: by the external account held at the bank's provider, or by coordinates
	 * (or both); {@code bankCode} is an ABA routing number in the US, a sort code in GB.
	 */
	public record Beneficiary(String accountName, String accountNumber, String iban, String bic, String bankCode,
			String country, String externalAccountId) {
	}

}
