package com.payoutrunner.console;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.DeadLetterQueue;

/**
 * One payout of the dead-letter queue as its page shows it: the amount exact, with its
 * currency ({@code 1234.50 EUR}), empty when the payout has none.
 */
public record DeadLetterRow(long id, String event, String investor, String amount, int attempts, String lastError,
		Moment since) {

	static DeadLetterRow of(DeadLetterQueue.Entry entry) {
		String amount = entry.amountMinor() == null ? ""
				: Money.ofMinor(entry.amountMinor(), entry.currency()).toString();
		return new DeadLetterRow(entry.id(), entry.liquidationEventId(), entry.investorId(), amount,
				entry.failedAttempts(), entry.lastError(), Moment.of(entry.updatedAt()));
	}

}
