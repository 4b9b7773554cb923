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
		String paymentOrderId, int failedAttempts, Instant nextAttemptAt, AgreedFee agreedFee) {

	/**
	 * The fee quoted when the payout was created through the API (platform and bank fee,
	 * minor units of its currency), which the run charges as quoted; null for payouts of
	 * liquidation events, priced by the run.
	 */
	public record AgreedFee(long platformMinor, long bankMinor, String rule) {
	}

	/** The payout's business reference, also sent to the bank: event and investor. */
	public String reference() {
		return liquidationEventId + "/" + investorId;
	}
}
