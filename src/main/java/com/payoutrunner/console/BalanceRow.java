package com.payoutrunner.console;

import java.util.List;
import java.util.UUID;

import com.payoutrunner.core.Money;
import com.payoutrunner.ledger.Ledger;

/**
 * One entity's balance in one currency as the balances page shows it: the balance, what
 * its active holds reserve and what is available, each exact with its currency, and the
 * holds (which payout holds how much), the oldest first.
 */
public record BalanceRow(UUID entity, String currency, String balance, String held, String available,
		List<HoldRow> holds, long holdCount) {

	/** An active hold: the payout it reserves for, how much, since and until when. */
	public record HoldRow(long holdId, long payoutId, String amount, Moment since, Moment expires) {
	}

	static BalanceRow of(Ledger.Balance balance, List<Ledger.ActiveHold> holds) {
		String currency = balance.currency();
		return new BalanceRow(balance.entity(), currency, money(balance.balanceMinor(), currency),
				money(balance.reservedMinor(), currency), money(balance.availableMinor(), currency),
				holds.stream()
					.map(hold -> new HoldRow(hold.holdId(), hold.payoutId(), money(hold.reservedMinor(), currency),
							Moment.of(hold.heldSince()), Moment.of(hold.expiresAt())))
					.toList(),
				holds.isEmpty() ? 0 : holds.get(0).holdsOfBalance());
	}

	private static String money(long minor, String currency) {
		return Money.ofMinor(minor, currency).toString();
	}

	/** Whether the page shows only some of its holds. */
	public boolean moreHolds() {
		return holdCount > holds.size();
	}

}
