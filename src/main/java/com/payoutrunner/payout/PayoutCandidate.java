package com.payoutrunner.payout;

import java.time.Instant;
import java.time.LocalDate;

import com.payoutrunner.core.Money;

/**
 * A payout as a run reads it: everything eligibility, fees and routing look at.
 * {@code amount} is null when the file gave none; {@code nextAttemptAt} is set while a
 * failed submission waits for its next attempt.
 */
public record PayoutCandidate(long id, String liquidationEventId, String investorId, String investorName,
		String country, String paymentMethod, String externalAccountId, Money amount, String currency,
		boolean hasUsBankAccount, Priority priority, BankDetails bank, LocalDate scheduledDate, PayoutStatus status,
		String paymentOrderId, int failedAttempts, Instant nextAttemptAt) {

	/** The payout's business reference, also sent to the bank: event and investor. */
	public String reference() {
		return liquidationEventId + "/" + investorId;
	}
}
