package com.payoutrunner.connector;

import java.util.UUID;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;

/**
 * A batch line waiting to be sent (queued) or sent without a known outcome (sending),
 * with its beneficiary: the external account id at the provider and any bank coordinates.
 */
public record SubmittableLine(long lineId, long payoutId, UUID idempotencyKey, String status, String reference,
		String batchReference, String connector, String rail, Money railAmount, String beneficiaryName, String country,
		String externalAccountId, BankDetails bank, java.time.LocalDate valueDate) {

	public boolean isQueued() {
		return "queued".equals(status);
	}
}
