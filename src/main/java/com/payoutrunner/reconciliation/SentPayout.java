package com.payoutrunner.reconciliation;

import java.time.Instant;
import java.time.LocalDate;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.PayoutStatus;

/**
 * A payout a statement may name, as the matcher sees it.
 *
 * @param railAmount what the bank was asked to pay (the accepted line's rail amount and
 * currency); null when the payout has no accepted line
 * @param batchReference the reference of the accepted line's batch, which a bank quotes
 * for a batch booking; null without one
 * @param updatedAt when the payout last changed: for a sent payout, when it was sent
 */
public record SentPayout(long id, LocalDate createdOn, PayoutStatus status, String paymentOrderId,
		String batchReference, Long batchId, Money railAmount, Instant updatedAt) {

	String reference() {
		return PayoutReference.of(id, createdOn);
	}

}
