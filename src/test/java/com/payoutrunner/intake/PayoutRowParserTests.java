package com.payoutrunner.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;
import com.payoutrunner.payout.Priority;

class PayoutRowParserTests {

	private static final long LINE = 7;

	private final PayoutRowParser parser = new PayoutRowParser(
			c -> Set.of("USD", "EUR", "JPY").contains(c.getCurrencyCode()));

	static Map<String, String> goodCells() {
		Map<String, String> cells = new HashMap<>();
		cells.put("investor_id", "INV-0001");
		cells.put("investor_name", "Ada Lovelace");
		cells.put("country", "DE");
		cells.put("payment_method", "Wire");
		cells.put("external_account_id", "EXT-0001");
		cells.put("amount", "1234.50");
		cells.put("currency", "USD");
		cells.put("has_us_bank_account", "false");
		cells.put("priority", "instant");
		cells.put("iban", "DE89370400440532013000");
		cells.put("bic", "DEUTDEFF");
		cells.put("account_number", "");
		cells.put("routing_number", "");
		cells.put("sort_code", "");
		cells.put("scheduled_date", "2026-11-23");
		return cells;
	}

	private ImportedPayout parseWith(String column, String value) {
		Map<String, String> cells = goodCells();
		cells.put(column, value);
		return parser.parse(new PayoutCsvRow(LINE, cells, null));
	}

	@Test
	void parsesAGoodRow() {
		ImportedPayout payout = parser.parse(new PayoutCsvRow(LINE, goodCells(), null));

		assertThat(payout).isEqualTo(new ImportedPayout(LINE, "INV-0001", "Ada Lovelace", "DE", "Wire", "EXT-0001",
				Money.ofMinor(123450, "USD"), "USD", false, Priority.INSTANT,
				new BankDetails("DE89370400440532013000", "DEUTDEFF", null, null, null), LocalDate.of(2026, 11, 23)));
	}

	@ParameterizedTest(name = "{0}=\"{1}\" -> {2} {3}: {4}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					amount              | abc        | amount              | invalid_value | amount 'abc' is not a decimal number like 1234.50
					amount              | 1,234.50   | amount              | invalid_value | amount '1,234.50' is not a decimal number like 1234.50
					amount              | -10.00     | amount              | invalid_value | amount -10.00 USD is negative
					amount              | 10.001     | amount              | invalid_value | amount '10.001' has more decimals than USD allows (2)
					currency            | XYZ        | currency            | invalid_value | 'XYZ' is not an ISO 4217 currency code
					currency            | GBP        | currency            | invalid_value | currency GBP has no FX rate in config/fx/fx-rates.csv
					country             | DEU        | country             | invalid_value | 'DEU' looks like an alpha-3 code; use the ISO 3166 alpha-2 code (e.g. DE, JP)
					country             | ZZ         | country             | invalid_value | 'ZZ' is not an ISO 3166 alpha-2 country code
					country             | D          | country             | invalid_value | 'D' is not an ISO 3166 alpha-2 country code
					has_us_bank_account | yes        | has_us_bank_account | invalid_value | 'yes' is not true or false
					priority            | urgent     | priority            | invalid_value | priority 'urgent' is not one of instant, priority, normal, low
					external_account_id | ea 12      | external_account_id | invalid_value | external_account_id must be 1 to 64 letters, digits or _ . : - (the provider's id of the account)
					external_account_id | =HYPERLINK(1) | external_account_id | invalid_value | external_account_id must be 1 to 64 letters, digits or _ . : - (the provider's id of the account)
					scheduled_date      | 23/11/2026 | scheduled_date      | invalid_value | '23/11/2026' is not a date like 2024-07-01
					scheduled_date      | 2026-02-30 | scheduled_date      | invalid_value | '2026-02-30' is not a date like 2024-07-01
					investor_id         | ""         | investor_id         | missing_value | investor_id is empty
					investor_id         | "   "      | investor_id         | missing_value | investor_id is empty
					investor_name       | ""         | investor_name       | missing_value | investor_name is empty
					currency            | ""         | currency            | missing_value | currency is empty
					""")
	void rejectsABadCellWithLineColumnAndReason(String column, String value, String expectedColumn, String category,
			String reason) {
		assertThatExceptionOfType(InvalidPayoutRowException.class).isThrownBy(() -> parseWith(column, value))
			.satisfies(error -> {
				assertThat(error.line()).isEqualTo(LINE);
				assertThat(error.column()).isEqualTo(expectedColumn);
				assertThat(error.category()).isEqualTo(category);
				assertThat(error.reason()).isEqualTo(reason);
			});
	}

	@Test
	void rejectsAnAmountWithMoreDecimalsThanYen() {
		Map<String, String> cells = goodCells();
		cells.put("currency", "JPY");
		cells.put("amount", "100.5");

		assertThatExceptionOfType(InvalidPayoutRowException.class)
			.isThrownBy(() -> parser.parse(new PayoutCsvRow(LINE, cells, null)))
			.satisfies(error -> {
				assertThat(error.column()).isEqualTo("amount");
				assertThat(error.reason()).isEqualTo("amount '100.5' has more decimals than JPY allows (0)");
			});
	}

	@Test
	void rejectsAnInvestorIdLongerThanSixtyFourCharacters() {
		assertThatExceptionOfType(InvalidPayoutRowException.class)
			.isThrownBy(() -> parseWith("investor_id", "x".repeat(65)))
			.satisfies(error -> {
				assertThat(error.column()).isEqualTo("investor_id");
				assertThat(error.reason()).isEqualTo("investor_id is longer than 64 characters");
			});
		assertThat(parseWith("investor_id", "x".repeat(64)).investorId()).hasSize(64);
	}

	@Test
	void reportsAStructuralProblemAsAMalformedRow() {
		PayoutCsvRow row = new PayoutCsvRow(12, Map.of("investor_id", "INV-1"), "expected 15 cells, found 3");

		assertThatExceptionOfType(InvalidPayoutRowException.class).isThrownBy(() -> parser.parse(row))
			.satisfies(error -> {
				assertThat(error.line()).isEqualTo(12);
				assertThat(error.column()).isNull();
				assertThat(error.category()).isEqualTo("malformed_row");
				assertThat(error.reason()).isEqualTo("expected 15 cells, found 3");
			});
	}

	@Test
	void fillsDefaultsForEmptyOptionalCells() {
		Map<String, String> cells = goodCells();
		for (String optional : PayoutCsvColumns.OPTIONAL) {
			cells.put(optional, "");
		}
		cells.put("country", "");
		cells.put("payment_method", " ");
		cells.put("external_account_id", "");
		cells.put("amount", "");

		ImportedPayout payout = parser.parse(new PayoutCsvRow(LINE, cells, null));

		assertThat(payout.priority()).isEqualTo(Priority.NORMAL);
		assertThat(payout.hasUsBankAccount()).isFalse();
		assertThat(payout.amount()).isNull();
		assertThat(payout.country()).isNull();
		assertThat(payout.paymentMethod()).isNull();
		assertThat(payout.externalAccountId()).isNull();
		assertThat(payout.scheduledDate()).isNull();
		assertThat(payout.bank()).isEqualTo(new BankDetails(null, null, null, null, null));
		assertThat(payout.currency()).isEqualTo("USD");
	}

	@Test
	void treatsAbsentOptionalColumnsLikeEmptyCells() {
		Map<String, String> cells = goodCells();
		PayoutCsvColumns.OPTIONAL.forEach(cells::remove);

		ImportedPayout payout = parser.parse(new PayoutCsvRow(LINE, cells, null));

		assertThat(payout.priority()).isEqualTo(Priority.NORMAL);
		assertThat(payout.hasUsBankAccount()).isFalse();
		assertThat(payout.bank()).isEqualTo(new BankDetails(null, null, null, null, null));
	}

	@ParameterizedTest
	@CsvSource({ "de, DE", "' jp ', JP", "Fr, FR" })
	void upperCasesTheCountry(String country, String expected) {
		assertThat(parseWith("country", country).country()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "usd, USD", "Eur, EUR", "' eur ', EUR" })
	void upperCasesTheCurrency(String currency, String expected) {
		assertThat(parseWith("currency", currency).currency()).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89 3704 0044 0532 0130 00", "de89370400440532013000", " DE89 3704 0044 0532 0130 00 " })
	void normalisesTheIban(String iban) {
		assertThat(parseWith("iban", iban).bank().iban()).isEqualTo("DE89370400440532013000");
	}

	@Test
	void upperCasesTheBicAndKeepsOtherBankDetails() {
		Map<String, String> cells = goodCells();
		cells.put("iban", "");
		cells.put("bic", "nwbkgb2l");
		cells.put("account_number", "31926819");
		cells.put("sort_code", "60-16-13");
		cells.put("routing_number", " 021000021 ");

		assertThat(parser.parse(new PayoutCsvRow(LINE, cells, null)).bank())
			.isEqualTo(new BankDetails(null, "NWBKGB2L", "31926819", "021000021", "60-16-13"));
	}

	@ParameterizedTest
	@CsvSource({ "true, true", "TRUE, true", "False, false" })
	void readsTheUsBankAccountFlagInAnyCase(String value, boolean expected) {
		assertThat(parseWith("has_us_bank_account", value).hasUsBankAccount()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "instant, INSTANT", "Priority, PRIORITY", "NORMAL, NORMAL", "low, LOW" })
	void readsThePriorityInAnyCase(String value, Priority expected) {
		assertThat(parseWith("priority", value).priority()).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "0.00, 0", "10.10, 1010", "' 7.5 ', 750" })
	void keepsAZeroOrPositiveAmountInMinorUnits(String amount, long minorUnits) {
		assertThat(parseWith("amount", amount).amount()).isEqualTo(Money.ofMinor(minorUnits, "USD"));
	}

}
