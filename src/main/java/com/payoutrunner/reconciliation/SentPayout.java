package com.payoutrunner.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * @param net the accepted line's net amount in the payout's own currency, which the rail
 * amount converts; null without an accepted line
 * @param settledFor what an earlier statement settled it for (its rail amount, or less);
 * null when no statement has settled it
 * @param batchReference the reference of the accepted line's batch, which a bank quotes
 * for a batch booking; null without one
 * @param updatedAt when the payout last changed: for a sent payout, when it was sent
 */
public record SentPayout(long id, LocalDate createdOn, PayoutStatus status, String paymentOrderId,
		String batchReference, Long batchId, Money railAmount, Money net, Money settledFor, Instant updatedAt) {

	String reference() {
		return PayoutReference.of(id, createdOn);
	}

	/**
	 * What a return of this payout gives back: what it was settled for, else sent for.
	 */
	Money returnable() {
		return settledFor != null ? settledFor : railAmount;
	}

	/**
	 * The part of the payout's own amount the bank did not pay when it paid {@code paid}
	 * of the rail amount: the rail shortfall converted back at the line's own rate (net
	 * over rail amount), rounded half-even to the payout currency's minor unit.
	 */
	Money shortfallInPayoutCurrency(Money paid) {
		if (!paid.code().equals(railAmount.code())) {
			throw new IllegalArgumentException("payout " + id + ": paid " + paid + ", sent " + railAmount);
		}
		BigDecimal shortfall = railAmount.minus(paid).toDecimal();
		BigDecimal converted = shortfall.multiply(net.toDecimal())
			.divide(railAmount.toDecimal(), 12, RoundingMode.HALF_EVEN);
		return Money.round(converted, net.currency(), RoundingMode.HALF_EVEN);
	}

}
