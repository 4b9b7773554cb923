package com.payoutrunner.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Predicate;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.CountryCodes;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;
import com.payoutrunner.payout.ExternalAccountId;
import com.payoutrunner.payout.Priority;

/**
 * Turns a CSV row into an {@link ImportedPayout}, or says precisely what is wrong with it
 * (first problem, by column order). Pure: the set of supported currencies is given.
 */
final class PayoutRowParser {

	static final String INVALID_VALUE = "invalid_value";

	static final String MISSING_VALUE = "missing_value";

	static final String TOO_LONG = "value_too_long";

	private final Predicate<Currency> supportedCurrency;

	private final InputLimits limits;

	public PayoutRowParser(Predicate<Currency> supportedCurrency) {
		this(supportedCurrency, InputLimits.DEFAULTS);
	}

	/**
	 * @param limits the longest cell ({@code max-cell-chars}) and the longest name
	 * ({@code max-text-chars})
	 */
	public PayoutRowParser(Predicate<Currency> supportedCurrency, InputLimits limits) {
		this.supportedCurrency = supportedCurrency;
		this.limits = limits;
	}

	public ImportedPayout parse(PayoutCsvRow row) {
		long line = row.line();
		if (row.structuralProblem() != null) {
			throw new InvalidPayoutRowException(line, null, "malformed_row", row.structuralProblem());
		}
		checkCells(row);
		String investorId = required(row, "investor_id");
		if (investorId.length() > 64) {
			throw invalid(line, "investor_id", "investor_id is longer than 64 characters");
		}
		String investorName = required(row, "investor_name");
		if (investorName.length() > limits.maxTextChars()) {
			throw new InvalidPayoutRowException(line, "investor_name", TOO_LONG, "investor_name is longer than "
					+ limits.maxTextChars() + " characters (payout.limits.max-text-chars)");
		}
		Currency currency = currency(row);
		return new ImportedPayout(line, investorId, investorName, country(row), row.cell("payment_method"),
				externalAccountId(row), amount(row, currency), currency.getCurrencyCode(),
				bool(row, "has_us_bank_account"), priority(row), bankDetails(row), date(row, "scheduled_date"));
	}

	/**
	 * Every cell, before any is read: within {@code max-cell-chars} and with no NUL
	 * (which PostgreSQL cannot store); the error names the column, never echoes the cell.
	 */
	private void checkCells(PayoutCsvRow row) {
		row.cells().forEach((column, value) -> {
			if (value != null && value.length() > limits.maxCellChars()) {
				throw new InvalidPayoutRowException(row.line(), column, TOO_LONG, column + " is longer than "
						+ limits.maxCellChars() + " characters (payout.limits.max-cell-chars)");
			}
			if (value != null && value.indexOf('\0') >= 0) {
				throw invalid(row.line(), column, column + " contains a NUL character");
			}
		});
	}

	/**
	 * Empty is allowed (the run skips it as missing_external_account); malformed is not.
	 */
	private static String externalAccountId(PayoutCsvRow row) {
		String id = row.cell("external_account_id");
		if (id != null && !ExternalAccountId.isWellFormed(id)) {
			// The value is not echoed: a shifted row could put an account number here.
			throw invalid(row.line(), "external_account_id", "external_account_id must be " + ExternalAccountId.RULE);
		}
		return id;
	}

	private static String country(PayoutCsvRow row) {
		String country = row.cell("country");
		if (country == null) {
			return null;
		}
		String code = country.toUpperCase(Locale.ROOT);
		if (code.length() == 3) {
			throw invalid(row.line(), "country",
					"'" + country + "' looks like an alpha-3 code; use the ISO 3166 alpha-2 code (e.g. DE, JP)");
		}
		if (!CountryCodes.isAlpha2(code)) {
			throw invalid(row.line(), "country", "'" + country + "' is not an ISO 3166 alpha-2 country code");
		}
		return code;
	}

	private Currency currency(PayoutCsvRow row) {
		String code = required(row, "currency").toUpperCase(Locale.ROOT);
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(row.line(), "currency", "'" + code + "' is not an ISO 4217 currency code");
		}
		if (!supportedCurrency.test(currency)) {
			throw invalid(row.line(), "currency", "currency " + code + " has no FX rate in config/fx/fx-rates.csv");
		}
		return currency;
	}

	private static Money amount(PayoutCsvRow row, Currency currency) {
		String text = row.cell("amount");
		if (text == null) {
			return null;
		}
		Money amount;
		try {
			amount = Money.parse(text, currency);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw invalid(row.line(), "amount", ex.getMessage());
		}
		if (amount.minorUnits() < 0) {
			throw invalid(row.line(), "amount", "amount " + amount + " is negative");
		}
		return amount;
	}

	private static boolean bool(PayoutCsvRow row, String column) {
		String value = row.cell(column);
		if (value == null) {
			return false;
		}
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw invalid(row.line(), column, "'" + value + "' is not true or false");
		};
	}

	private static Priority priority(PayoutCsvRow row) {
		String value = row.cell("priority");
		if (value == null) {
			return Priority.NORMAL;
		}
		try {
			return Priority.fromCode(value.toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(row.line(), "priority", ex.getMessage());
		}
	}

	private static BankDetails bankDetails(PayoutCsvRow row) {
		String iban = row.cell("iban");
		String bic = row.cell("bic");
		return new BankDetails(iban == null ? null : iban.replace(" ", "").toUpperCase(Locale.ROOT),
				bic == null ? null : bic.toUpperCase(Locale.ROOT), row.cell("account_number"),
				row.cell("routing_number"), row.cell("sort_code"));
	}

	private static LocalDate date(PayoutCsvRow row, String column) {
		String value = row.cell(column);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw invalid(row.line(), column, "'" + value + "' is not a date like 2024-07-01");
		}
	}

	private static String required(PayoutCsvRow row, String column) {
		String value = row.cell(column);
		if (value == null) {
			throw new InvalidPayoutRowException(row.line(), column, MISSING_VALUE, column + " is empty");
		}
		return value;
	}

	private static InvalidPayoutRowException invalid(long line, String column, String reason) {
		return new InvalidPayoutRowException(line, column, INVALID_VALUE, reason);
	}

}
