package com.payoutrunner.connector;

import java.util.UUID;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;

/** A batch line waiting to be sent (queued) or sent without a known outcome (sending). */
public record SubmittableLine(long lineId, long payoutId, UUID idempotencyKey, String status, String reference,
		String batchReference, String connector, String rail, Money railAmount, String beneficiaryName, String country,
		BankDetails bank, java.time.LocalDate valueDate) {

	public boolean isQueued() {
		return "queued".equals(status);
	}
}
