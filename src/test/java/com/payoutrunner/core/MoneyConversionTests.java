package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyConversionTests {

	/**
	 * Units per USD, as config/fx/fx-rates.csv quotes them (plus BHD, and XAU which has
	 * no minor unit).
	 */
	static final MoneyConversion CONVERSION = new MoneyConversion(
			Map.of(currency("USD"), BigDecimal.ONE, currency("EUR"), new BigDecimal("0.933800"), currency("JPY"),
					new BigDecimal("160.880000"), currency("GBP"), new BigDecimal("0.791100"), currency("BHD"),
					new BigDecimal("0.376000"), currency("XAU"), new BigDecimal("0.0004")));

	static Currency currency(String code) {
		return Currency.getInstance(code);
	}

	static Money money(String stated) {
		return Money.parseStated(stated);
	}

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource(textBlock = """
			EUR 0.50,     USD, 0.54
			EUR 2.00,     USD, 2.14
			EUR 1.00,     USD, 1.07
			EUR 0.25,     USD, 0.27
			EUR 0.50,     JPY, 86
			EUR 2.00,     JPY, 345
			EUR 0.50,     GBP, 0.42
			EUR 0.50,     EUR, 0.50
			EUR 0.50,     BHD, 0.201
			EUR 10000.00, USD, 10708.93
			EUR 10000.00, JPY, 1722853
			USD 1.00,     EUR, 0.93
			JPY 1,        EUR, 0.01
			JPY 1,        USD, 0.01
			USD 0.01,     JPY, 2
			USD 0.005,    USD, 0.01
			""")
	void convertsAtTheTablesRateRoundingHalfUpToTheTargetsExponent(String stated, String target, String expected) {
		String[] parts = stated.split(" ");
		Money converted = CONVERSION.convert(new BigDecimal(parts[1]), currency(parts[0]), currency(target));

		assertThat(converted).isEqualTo(Money.parse(expected, currency(target)));
	}

	@Test
	void roundsHalfUpOnTheExactQuotientNotOnARoundedCrossRate() {
		// 1.00 USD at 1.5 units per USD is exactly 1.500 BHD; 0.003 USD is 0.0045 BHD:
		// HALF_UP
		// gives 0.005 (a HALF_EVEN or a truncated cross rate would give 0.004).
		MoneyConversion conversion = new MoneyConversion(
				Map.of(currency("USD"), BigDecimal.ONE, currency("BHD"), new BigDecimal("1.5")));

		assertThat(conversion.convert(new BigDecimal("0.003"), currency("USD"), currency("BHD")))
			.isEqualTo(Money.parse("0.005", currency("BHD")));
	}

	@ParameterizedTest(name = "{0} vs {1}: {2}")
	@CsvSource(textBlock = """
			EUR 10000.00,  EUR 10000.00, 0
			EUR 10000.01,  EUR 10000.00, 1
			EUR 9999.99,   EUR 10000.00, -1
			USD 10708.94,  EUR 10000.00, 1
			USD 10708.93,  EUR 10000.00, -1
			JPY 1722853,   EUR 10000.00, 1
			JPY 1722852,   EUR 10000.00, -1
			GBP 9999.99,   EUR 10000.00, 1
			EUR 40000.00,  EUR 10000.00, 1
			""")
	void comparesValuesAcrossCurrenciesExactly(String a, String b, int sign) {
		assertThat(Integer.signum(CONVERSION.compare(money(a), money(b)))).isEqualTo(sign);
		assertThat(Integer.signum(CONVERSION.compare(money(b), money(a)))).isEqualTo(-sign);
	}

	@Test
	void aHairAboveAThresholdIsAboveItWhereARoundedConversionWouldSayEqual() {
		// JPY 1,722,853 is EUR 10,000.0008... at 160.88 and 0.9338 per USD: converted and
		// rounded to cents it would be EUR 10,000.00, not above; it is above.
		assertThat(CONVERSION.convert(money("JPY 1722853"), currency("EUR"))).isEqualTo(money("EUR 10000.00"));
		assertThat(CONVERSION.isAbove(money("JPY 1722853"), money("EUR 10000.00"))).isTrue();
		assertThat(CONVERSION.isAbove(money("JPY 1722852"), money("EUR 10000.00"))).isFalse();
		assertThat(CONVERSION.isAbove(money("EUR 10000.00"), money("EUR 10000.00"))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "USD, true", "EUR, true", "JPY, true", "BHD, true", "KWD, false", "XAU, false", "XXX, false" })
	void convertsOnlyCurrenciesWithARateAndAMinorUnit(String code, boolean convertible) {
		assertThat(CONVERSION.canConvert(currency(code))).isEqualTo(convertible);
	}

	@Test
	void refusesACurrencyItCannotConvert() {
		assertThatExceptionOfType(MoneyConversion.NotConvertibleException.class)
			.isThrownBy(() -> CONVERSION.convert(money("EUR 0.50"), currency("KWD")))
			.withMessage("currency KWD has no FX rate (config/fx/fx-rates.csv)");
		assertThatExceptionOfType(MoneyConversion.NotConvertibleException.class)
			.isThrownBy(() -> CONVERSION.compare(Money.ofMinor(10, "XAU"), money("EUR 10000.00")));
	}

}
