package com.payoutrunner.console;

import java.util.Currency;

import com.payoutrunner.approval.RunCeiling;
import com.payoutrunner.core.Money;

/**
 * Amounts as the console shows them: the currency, then the exact amount with its
 * currency's decimals and grouped thousands ({@code EUR 12,000.00}, {@code JPY 1,500}),
 * as the run approval messages write them.
 */
final class Amounts {

	private Amounts() {
	}

	static String of(Money money) {
		return money == null ? "" : RunCeiling.format(money);
	}

	/**
	 * A decimal string as the services give it ({@code "12000.00"}); blank when none, as
	 * it stands when it is no amount of that currency (a payout a run would skip for it).
	 */
	static String of(Object decimal, Object currency) {
		if (decimal == null || currency == null) {
			return decimal == null ? "" : decimal.toString();
		}
		try {
			return of(Money.parse(decimal.toString(), Currency.getInstance(currency.toString())));
		}
		catch (IllegalArgumentException notAnAmount) {
			return currency + " " + decimal;
		}
	}

}
