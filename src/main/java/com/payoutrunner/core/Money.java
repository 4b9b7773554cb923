package com.payoutrunner.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency, held as minor units (cents, yen, fils). The number of
 * minor digits is the currency's ISO 4217 exponent (EUR 2, JPY 0, BHD 3).
 */
public record Money(long minorUnits, Currency currency) {

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money ofMinor(long minorUnits, String currencyCode) {
		return new Money(minorUnits, Currency.getInstance(currencyCode));
	}

	/**
	 * Parses a plain decimal ("1234.50") strictly: no grouping, no exponent, no more
	 * decimals than the currency has.
	 * @throws IllegalArgumentException with a reason a user can act on
	 */
	public static Money parse(String text, Currency currency) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("amount is empty");
		}
		String trimmed = text.trim();
		if (!trimmed.matches("[+-]?\\d+(\\.\\d+)?")) {
			throw new IllegalArgumentException("amount '" + trimmed + "' is not a decimal number like 1234.50");
		}
		BigDecimal value = new BigDecimal(trimmed);
		int digits = minorDigits(currency);
		if (value.stripTrailingZeros().scale() > digits) {
			throw new IllegalArgumentException("amount '" + trimmed + "' has more decimals than "
					+ currency.getCurrencyCode() + " allows (" + digits + ")");
		}
		try {
			return new Money(value.movePointRight(digits).longValueExact(), currency);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException(
					"amount '" + trimmed + "' is too large for " + currency.getCurrencyCode());
		}
	}

	/**
	 * Parses an amount that states its currency, as configuration writes it: the ISO 4217
	 * code, one space, a plain decimal with no more decimals than the currency has ("EUR
	 * 10000.00", "JPY 1500"). A bare number is refused: a fee or a threshold without its
	 * currency would be read in whatever currency a payout happens to have.
	 * @throws IllegalArgumentException with a reason a user can act on
	 */
	public static Money parseStated(String text) {
		String trimmed = text == null ? "" : text.strip();
		if (!trimmed.matches("[A-Z]{3} \\S+")) {
			throw new IllegalArgumentException("'" + trimmed
					+ "' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00");
		}
		String code = trimmed.substring(0, 3);
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code");
		}
		return parse(trimmed.substring(4), currency);
	}

	/**
	 * Rounds a computed amount to the currency's minor unit with the given rounding mode.
	 */
	public static Money round(BigDecimal amount, Currency currency, RoundingMode mode) {
		int digits = minorDigits(currency);
		return new Money(amount.setScale(digits, mode).movePointRight(digits).longValueExact(), currency);
	}

	public static int minorDigits(Currency currency) {
		return Math.max(currency.getDefaultFractionDigits(), 0);
	}

	public BigDecimal toDecimal() {
		return BigDecimal.valueOf(minorUnits, minorDigits(currency));
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
	}

	public boolean isPositive() {
		return minorUnits > 0;
	}

	public String code() {
		return currency.getCurrencyCode();
	}

	private void requireSameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("currency mismatch: " + this + " and " + other);
		}
	}

	/** "1234.50 USD": the decimal with the currency's exponent, then the code. */
	@Override
	public String toString() {
		return toDecimal().toPlainString() + " " + code();
	}
}
