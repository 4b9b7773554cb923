package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

	private static Currency currency(String code) {
		return Currency.getInstance(code);
	}

	@ParameterizedTest(name = "\"{0}\" {1} -> {2} minor units")
	@CsvSource(delimiter = '|', textBlock = """
			1234.50     | USD | 123450
			10.10       | USD | 1010
			10.1        | USD | 1010
			10          | USD | 1000
			0.01        | USD | 1
			0           | USD | 0
			'  7.25  '  | USD | 725
			-3.50       | USD | -350
			100         | JPY | 100
			999999999999999999 | JPY | 999999999999999999
			-0.5        | EUR | -50
			1.234       | BHD | 1234
			1.5         | BHD | 1500
			""")
	void parsesPlainDecimalsIntoMinorUnits(String text, String code, long minorUnits) {
		assertThat(Money.parse(text, currency(code))).isEqualTo(new Money(minorUnits, currency(code)));
	}

	@ParameterizedTest(name = "\"{0}\" {1} -> {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					1,234.50 | USD | amount '1,234.50' is not a decimal number like 1234.50
					1e3      | USD | amount '1e3' is not a decimal number like 1234.50
					abc      | USD | amount 'abc' is not a decimal number like 1234.50
					10.      | USD | amount '10.' is not a decimal number like 1234.50
					.5       | USD | amount '.5' is not a decimal number like 1234.50
					$10.00   | USD | amount '$10.00' is not a decimal number like 1234.50
					10.001   | USD | amount '10.001' has more decimals than USD allows (2)
					100.5    | JPY | amount '100.5' has more decimals than JPY allows (0)
					1.2345   | BHD | amount '1.2345' has more decimals than BHD allows (3)
					100.0    | JPY | amount '100.0' has more decimals than JPY allows (0)
					1E+30000000 | USD | amount '1E+30000000' is not a decimal number like 1234.50
					1e2      | USD | amount '1e2' is not a decimal number like 1234.50
					+10      | USD | amount '+10' is not a decimal number like 1234.50
					١٠٠      | USD | amount '١٠٠' is not a decimal number like 1234.50
					１００      | USD | amount '１００' is not a decimal number like 1234.50
					1_000    | USD | amount '1_000' is not a decimal number like 1234.50
					1 000    | USD | amount '1 000' is not a decimal number like 1234.50
					1.2.3    | USD | amount '1.2.3' is not a decimal number like 1234.50
					-        | USD | amount '-' is not a decimal number like 1234.50
					--1      | USD | amount '--1' is not a decimal number like 1234.50
					0x10     | USD | amount '0x10' is not a decimal number like 1234.50
					NaN      | USD | amount 'NaN' is not a decimal number like 1234.50
					Infinity | USD | amount 'Infinity' is not a decimal number like 1234.50
					1234567890123456789 | USD | amount '1234567890123456789' has more than 18 digits before the decimal point
					99999999999999999999.99 | USD | amount '99999999999999999999.99' has more than 18 digits before the decimal point
					999999999999999999.99 | USD | amount '999999999999999999.99' is too large for USD
					""")
	void rejectsAnythingButAPlainDecimalWithTheCurrencysDigits(String text, String code, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text, currency(code))).withMessage(reason);
	}

	@ParameterizedTest
	@CsvSource(value = { "''", "'   '", "NULL" }, nullValues = "NULL")
	void rejectsAnEmptyAmount(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(text, currency("USD")))
			.withMessage("amount is empty");
	}

	@Test
	void refusesAHugeAmountAtOnceAndEchoesOnlyItsStart() {
		String digits = "9".repeat(300_000);
		long started = System.nanoTime();

		assertThatIllegalArgumentException().isThrownBy(() -> Money.parseStrict(digits, currency("USD")))
			.withMessage("amount '999999999999999999999999...' (300000 characters) has more than 18 digits"
					+ " before the decimal point");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Money.parseStrict("1." + "0".repeat(300_000), currency("USD")))
			.withMessageContaining("has more decimals than USD allows (2)");
		assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
	}

	@Test
	void givesTheReasonWithoutTheFieldForCallersThatNameIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parseStrict("1e3", currency("EUR")))
			.isInstanceOfSatisfying(Money.InvalidAmountException.class,
					ex -> assertThat(ex.reason()).isEqualTo("'1e3' is not a decimal number like 1234.50"));
	}

	@ParameterizedTest(name = "\"{0}\" with at most {1} decimals -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			12.3456 | 4 | 12.3456
			100     | 0 | 100
			""")
	void parsesADecimalByTheSameRule(String text, int decimals, String expected) {
		assertThat(Money.parseStrictDecimal(text, decimals)).isEqualTo(new BigDecimal(expected));
	}

	@Test
	void rejectsAnAmountTooLargeToHoldWithAReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("99999999999999999999", currency("USD")))
			.withMessageContaining("99999999999999999999");
	}

	@ParameterizedTest(name = "{0} {1} {2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			2.345   | USD | HALF_UP   | 2.35
			2.345   | USD | HALF_EVEN | 2.34
			2.355   | USD | HALF_UP   | 2.36
			2.355   | USD | HALF_EVEN | 2.36
			-2.345  | USD | HALF_UP   | -2.35
			0.0025  | USD | HALF_UP   | 0.00
			2.5     | JPY | HALF_UP   | 3
			2.5     | JPY | HALF_EVEN | 2
			3.5     | JPY | HALF_EVEN | 4
			1.2345  | BHD | HALF_UP   | 1.235
			1.2345  | BHD | HALF_EVEN | 1.234
			""")
	void roundsToTheMinorUnitWithTheGivenMode(String amount, String code, RoundingMode mode, String expected) {
		Money rounded = Money.round(new BigDecimal(amount), currency(code), mode);

		assertThat(rounded.toDecimal()).isEqualTo(new BigDecimal(expected));
		assertThat(rounded.currency()).isEqualTo(currency(code));
	}

	@ParameterizedTest(name = "{0} has {1} minor digits")
	@CsvSource({ "USD, 2", "EUR, 2", "JPY, 0", "BHD, 3", "KWD, 3", "XAU, 0" })
	void minorDigitsFollowIso4217(String code, int digits) {
		assertThat(Money.minorDigits(currency(code))).isEqualTo(digits);
	}

	@ParameterizedTest(name = "{0} {1} -> \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			123450 | USD | 1234.50 USD
			5      | USD | 0.05 USD
			-50    | EUR | -0.50 EUR
			0      | USD | 0.00 USD
			160397 | JPY | 160397 JPY
			1234   | BHD | 1.234 BHD
			""")
	void printsTheDecimalWithTheCurrencyExponentThenTheCode(long minorUnits, String code, String text) {
		assertThat(Money.ofMinor(minorUnits, code)).hasToString(text);
	}

	@Test
	void addsAndSubtractsInTheSameCurrency() {
		Money amount = Money.ofMinor(100000, "EUR");
		Money fee = Money.ofMinor(300, "EUR");

		assertThat(amount.minus(fee)).isEqualTo(Money.ofMinor(99700, "EUR"));
		assertThat(amount.plus(fee)).isEqualTo(Money.ofMinor(100300, "EUR"));
	}

	@Test
	void refusesToMixCurrencies() {
		Money usd = Money.ofMinor(100, "USD");
		Money eur = Money.ofMinor(100, "EUR");

		assertThatIllegalArgumentException().isThrownBy(() -> usd.plus(eur))
			.withMessage("currency mismatch: 1.00 USD and 1.00 EUR");
		assertThatIllegalArgumentException().isThrownBy(() -> usd.minus(eur))
			.withMessage("currency mismatch: 1.00 USD and 1.00 EUR");
	}

	@ParameterizedTest
	@CsvSource({ "1, true", "0, false", "-1, false" })
	void isPositiveOnlyAboveZero(long minorUnits, boolean positive) {
		assertThat(Money.ofMinor(minorUnits, "USD").isPositive()).isEqualTo(positive);
	}

	@Test
	void requiresACurrency() {
		assertThatNullPointerException().isThrownBy(() -> new Money(1, null)).withMessage("currency");
	}

	@ParameterizedTest(name = "\"{0}\" -> {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			EUR 10000.00 | 1000000 | EUR
			EUR 0.5      | 50      | EUR
			JPY 1500     | 1500    | JPY
			' USD 2 '    | 200     | USD
			BHD 0.125    | 125     | BHD
			""")
	void parsesAnAmountThatStatesItsCurrency(String text, long minorUnits, String code) {
		assertThat(Money.parseStated(text)).isEqualTo(new Money(minorUnits, currency(code)));
	}

	@ParameterizedTest(name = "\"{0}\": {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					10000.00     | '10000.00' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00
					10000.00 EUR | '10000.00 EUR' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00
					eur 10       | 'eur 10' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00
					EUX 10       | 'EUX' is not an ISO 4217 currency code
					EUR 10,000   | amount '10,000' is not a decimal number like 1234.50
					JPY 1.5      | amount '1.5' has more decimals than JPY allows (0)
					""")
	void refusesAnAmountThatDoesNotStateItsCurrencyPlainly(String text, String reason) {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.parseStated(text)).withMessage(reason);
	}

	@ParameterizedTest(name = "from a bank: \"{0}\" {1} -> {2} minor units")
	@CsvSource(delimiter = '|', textBlock = """
			1500.00   | JPY | 1500
			1500      | JPY | 1500
			10.50000  | EUR | 1050
			-10.500   | EUR | -1050
			1.2340    | BHD | 1234
			""")
	void aBankMayPadAnAmountWithZeros(String text, String currency, long minor) {
		assertThat(Money.parseFromBank(text, Currency.getInstance(currency))).isEqualTo(Money.ofMinor(minor, currency));
	}

	@ParameterizedTest(name = "from a bank: \"{0}\" {1} is refused")
	@CsvSource(delimiter = '|', textBlock = """
			1500.50   | JPY | amount '1500.50' has more decimals than JPY allows (0)
			10.501    | EUR | amount '10.501' has more decimals than EUR allows (2)
			1e3       | EUR | amount '1e3' is not a decimal number like 1234.50
			1500.     | JPY | amount '1500.' is not a decimal number like 1234.50
			""")
	void aBankAmountIsNeverRounded(String text, String currency, String message) {
		assertThatThrownBy(() -> Money.parseFromBank(text, Currency.getInstance(currency)))
			.isInstanceOf(Money.InvalidAmountException.class)
			.hasMessage(message);
	}

}
