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

	/** The most digits an amount may have before its decimal point. */
	public static final int MAX_INTEGER_DIGITS = 18;

	/**
	 * Parses a plain decimal ("1234.50") strictly: {@link #parseStrict}, the one rule for
	 * every amount the product reads.
	 * @throws InvalidAmountException with a reason a user can act on
	 */
	public static Money parse(String text, Currency currency) {
		return parseStrict(text, currency);
	}

	/**
	 * The one rule for amounts from outside (API, CSV imports, statements, bank files):
	 * an optional {@code -}, ASCII digits, at most {@value #MAX_INTEGER_DIGITS} of them
	 * before the decimal point, and at most the currency's exponent after it. No
	 * exponent, no {@code +}, no grouping, no other script's digits. The text is checked
	 * character by character before any {@link BigDecimal} is built, so that no input,
	 * however long or however large its exponent, costs more than a glance.
	 * @throws InvalidAmountException with a reason a user can act on
	 */
	public static Money parseStrict(String text, Currency currency) {
		Objects.requireNonNull(currency, "currency");
		int digits = minorDigits(currency);
		BigDecimal value = strictDecimal(text, digits, currency.getCurrencyCode());
		try {
			return new Money(value.movePointRight(digits).longValueExact(), currency);
		}
		catch (ArithmeticException ex) {
			throw new InvalidAmountException(quoted(text.strip()) + " is too large for " + currency.getCurrencyCode());
		}
	}

	/**
	 * {@link #parseStrict} for an amount a bank wrote (a statement line, a camt.053
	 * entry): besides, decimals beyond the currency's exponent are accepted when they are
	 * zeros ({@code 1500.00} JPY is 1500 yen), as ISO 20022 amounts carry up to five
	 * fraction digits and banks pad them. Nothing is rounded: {@code 1500.50} JPY is
	 * still refused.
	 * @throws InvalidAmountException with a reason a user can act on
	 */
	public static Money parseFromBank(String text, Currency currency) {
		Objects.requireNonNull(currency, "currency");
		int digits = minorDigits(currency);
		if (text != null) {
			String trimmed = text.strip();
			int point = trimmed.indexOf('.');
			if (point >= 0 && trimmed.length() - point - 1 > digits) {
				String padding = trimmed.substring(point + 1 + digits);
				if (padding.chars().allMatch(c -> c == '0')) {
					String kept = trimmed.substring(0, digits == 0 ? point : point + 1 + digits);
					return parseStrict(kept, currency);
				}
			}
		}
		return parseStrict(text, currency);
	}

	/**
	 * {@link #parseStrict}'s rule for a decimal that is not an amount of one currency (a
	 * percentage, a band edge): at most {@code maxDecimals} after the point.
	 * @throws InvalidAmountException with a reason a user can act on
	 */
	public static BigDecimal parseStrictDecimal(String text, int maxDecimals) {
		return strictDecimal(text, maxDecimals, null);
	}

	private static BigDecimal strictDecimal(String text, int maxDecimals, String code) {
		if (text == null || text.isBlank()) {
			throw new InvalidAmountException("is empty");
		}
		String trimmed = text.strip();
		int start = trimmed.charAt(0) == '-' ? 1 : 0;
		int point = -1;
		for (int i = start; i < trimmed.length(); i++) {
			char c = trimmed.charAt(i);
			if (c == '.' && point < 0 && i > start && i < trimmed.length() - 1) {
				point = i;
			}
			else if (c < '0' || c > '9') {
				throw new InvalidAmountException(quoted(trimmed) + " is not a decimal number like 1234.50");
			}
			if (point < 0 && i - start >= MAX_INTEGER_DIGITS) {
				throw new InvalidAmountException(
						quoted(trimmed) + " has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
			}
		}
		if (start == trimmed.length()) {
			throw new InvalidAmountException(quoted(trimmed) + " is not a decimal number like 1234.50");
		}
		int decimals = point < 0 ? 0 : trimmed.length() - point - 1;
		if (decimals > maxDecimals) {
			throw new InvalidAmountException(quoted(trimmed) + " has more decimals than "
					+ (code == null ? "allowed" : code + " allows") + " (" + maxDecimals + ")");
		}
		// Safe now: at most 18 digits before the point, no exponent.
		return new BigDecimal(trimmed);
	}

	/** The text as a message may echo it: quoted, and cut when long. */
	private static String quoted(String text) {
		return text.length() <= 40 ? "'" + text + "'"
				: "'" + text.substring(0, 24) + "...' (" + text.length() + " characters)";
	}

	/**
	 * An amount refused by {@link #parseStrict}; {@link #reason} leaves out the word
	 * "amount", for callers that name the field themselves.
	 */
	public static final class InvalidAmountException extends IllegalArgumentException {

		private final String reason;

		InvalidAmountException(String reason) {
			super("amount " + reason);
			this.reason = reason;
		}

		public String reason() {
			return reason;
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
