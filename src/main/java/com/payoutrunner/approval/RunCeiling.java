package com.payoutrunner.approval;

import java.util.Currency;
import java.util.Locale;

import com.payoutrunner.core.Money;

/**
 * The amount above which a payout run waits for approval
 * ({@code payout.approvals.run-ceiling}): an amount with its currency ("USD 1000000"), or
 * {@code none} to turn the gate off. Pure.
 *
 * @param limit the ceiling, null when off
 */
public record RunCeiling(Money limit) {

	public static final String PROPERTY = "payout.approvals.run-ceiling";

	public static final String DEFAULT = "USD 1000000";

	private static final RunCeiling OFF = new RunCeiling(null);

	public RunCeiling {
		if (limit != null && limit.minorUnits() < 0) {
			throw new IllegalArgumentException(PROPERTY + " must not be negative, got " + limit);
		}
	}

	/**
	 * @throws IllegalArgumentException naming the setting, the value and the expected
	 * form
	 */
	public static RunCeiling parse(String text) {
		String value = text == null ? "" : text.strip();
		if (value.equalsIgnoreCase("none")) {
			return OFF;
		}
		String[] parts = value.split("\\s+");
		if (parts.length != 2 || !parts[0].matches("[A-Z]{3}")) {
			throw malformed(value, "expected a currency code and an amount");
		}
		Currency currency;
		try {
			currency = Currency.getInstance(parts[0]);
		}
		catch (IllegalArgumentException ex) {
			throw malformed(value, "'" + parts[0] + "' is not an ISO 4217 currency");
		}
		try {
			return new RunCeiling(Money.parse(parts[1], currency));
		}
		catch (IllegalArgumentException ex) {
			throw malformed(value, ex.getMessage());
		}
	}

	private static IllegalArgumentException malformed(String value, String reason) {
		return new IllegalArgumentException(PROPERTY + " (PAYOUT_APPROVALS_RUN_CEILING) '" + value + "' is malformed: "
				+ reason + "; write an amount with its currency such as '" + DEFAULT + "', or 'none'");
	}

	public boolean isOff() {
		return limit == null;
	}

	/** Strictly more than the ceiling waits; {@code total} must be in its currency. */
	public boolean isExceededBy(Money total) {
		if (isOff()) {
			return false;
		}
		if (!total.currency().equals(limit.currency())) {
			throw new IllegalArgumentException(
					"a total in " + total.code() + " cannot be compared with a ceiling in " + limit.code());
		}
		return total.minorUnits() > limit.minorUnits();
	}

	@Override
	public String toString() {
		return isOff() ? "none" : limit.code() + " " + limit.toDecimal().toPlainString();
	}

	/** For messages: "USD 1,000,000.00". */
	public static String format(Money money) {
		return money.code() + " "
				+ String.format(Locale.ROOT, "%,." + Money.minorDigits(money.currency()) + "f", money.toDecimal());
	}

}
