package com.payoutrunner.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

/**
 * The one home of the rules for amounts that configuration states in one currency and a
 * payout needs in another (a fixed fee, an approval threshold, the approval ceiling), at
 * the FX table's rates (units of each currency per 1 USD). Pure.
 * <ul>
 * <li>{@link #convert}: amount × target rate / source rate, rounded once, HALF_UP, to the
 * target currency's exponent (charges customarily round half up; computing the exact
 * quotient in one division leaves no intermediate cross rate to round twice).</li>
 * <li>{@link #compare}: exact, no rounding at all: a / rA against b / rB is decided as a
 * × rB against b × rA (rates are positive), so no rounding can ever carry a payout over a
 * threshold under it.</li>
 * </ul>
 * A currency is convertible when the table quotes it and it has a minor unit (XAU and the
 * other ISO codes without an exponent are not money a rail pays).
 */
public final class MoneyConversion {

	/** A currency that no rate converts. */
	public static class NotConvertibleException extends IllegalArgumentException {

		NotConvertibleException(Currency currency) {
			super("currency " + currency.getCurrencyCode() + " has no FX rate (config/fx/fx-rates.csv)");
		}

	}

	private final Map<Currency, BigDecimal> unitsPerUsd;

	public MoneyConversion(Map<Currency, BigDecimal> unitsPerUsd) {
		unitsPerUsd.forEach((currency, rate) -> {
			if (rate.signum() <= 0) {
				throw new IllegalArgumentException("rate of " + currency + " must be above zero, got " + rate);
			}
		});
		this.unitsPerUsd = Map.copyOf(unitsPerUsd);
	}

	public boolean canConvert(Currency currency) {
		return currency.getDefaultFractionDigits() >= 0 && unitsPerUsd.containsKey(currency);
	}

	/**
	 * {@code amount} of {@code from} in {@code target}, rounded HALF_UP to the target's
	 * minor unit.
	 * @throws NotConvertibleException when either currency has no rate
	 */
	public Money convert(BigDecimal amount, Currency from, Currency target) {
		if (from.equals(target)) {
			return Money.round(amount, target, RoundingMode.HALF_UP);
		}
		BigDecimal exact = amount.multiply(rate(target));
		return Money.round(exact.divide(rate(from), Money.minorDigits(target), RoundingMode.HALF_UP), target,
				RoundingMode.UNNECESSARY);
	}

	public Money convert(Money amount, Currency target) {
		return convert(amount.toDecimal(), amount.currency(), target);
	}

	/**
	 * Compares the values of two amounts in any currencies, exactly.
	 * @return negative, zero or positive as {@code a} is worth less than, as much as, or
	 * more than {@code b}
	 * @throws NotConvertibleException when either currency has no rate
	 */
	public int compare(Money a, Money b) {
		if (a.currency().equals(b.currency())) {
			return Long.compare(a.minorUnits(), b.minorUnits());
		}
		return a.toDecimal().multiply(rate(b.currency())).compareTo(b.toDecimal().multiply(rate(a.currency())));
	}

	/** Whether {@code amount} is worth strictly more than {@code limit}. */
	public boolean isAbove(Money amount, Money limit) {
		return compare(amount, limit) > 0;
	}

	private BigDecimal rate(Currency currency) {
		if (!canConvert(currency)) {
			throw new NotConvertibleException(currency);
		}
		return unitsPerUsd.get(currency);
	}

}
