package com.payoutrunner.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;

class FxConverterTests {

	private static final LocalDate QUOTED = LocalDate.of(2024, 6, 28);

	private final FxConverter converter = new FxConverter(FxRateTable.load(Path.of("config/fx/fx-rates.csv")));

	private static Currency currency(String code) {
		return Currency.getInstance(code);
	}

	private static Money money(String amount, String code) {
		return Money.parse(amount, currency(code));
	}

	@Test
	void convertsUsdToUsdAtOne() {
		Money net = money("997.00", "USD");

		FxConversion conversion = converter.convert(net, currency("USD"));

		assertThat(conversion.target()).isEqualTo(net);
		assertThat(conversion.rate()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(conversion.source()).isEqualTo(net);
		assertThat(conversion.quoteDate()).isEqualTo(QUOTED);
	}

	@ParameterizedTest(name = "{0} USD -> {2} {1} at {3}")
	@CsvSource(textBlock = """
			997.00,  EUR, 931.00,  0.9338
			25.00,   EUR, 23.34,   0.9338
			25.02,   EUR, 23.36,   0.9338
			1000.00, GBP, 791.10,  0.7911
			997.00,  JPY, 160397,  160.88
			18.75,   JPY, 3016,    160.88
			6.25,    JPY, 1006,    160.88
			0.01,    JPY, 2,       160.88
			100.00,  IDR, 1637500, 16375
			10.00,   INR, 833.88,  83.3875
			""")
	void convertsUsdIntoTheRailCurrencyRoundingHalfEvenOnce(String usd, String target, String expected,
			BigDecimal rate) {
		FxConversion conversion = converter.convert(money(usd, "USD"), currency(target));

		assertThat(conversion.target()).isEqualTo(money(expected, target));
		assertThat(conversion.rate()).isEqualByComparingTo(rate);
		assertThat(conversion.quoteDate()).isEqualTo(QUOTED);
	}

	@Test
	void computesACrossRateAtTwentySignificantDigits() {
		FxConversion conversion = converter.convert(money("931.00", "EUR"), currency("JPY"));

		assertThat(conversion.rate()).isEqualTo(new BigDecimal("172.28528592846433926"));
		assertThat(conversion.target()).isEqualTo(money("160398", "JPY"));
	}

	@Test
	void returnsTheOlderOfTheTwoQuoteDates() {
		FxRateTable rates = new FxRateTable(Map.of(currency("USD"),
				new FxRateTable.Quote(currency("USD"), BigDecimal.ONE, LocalDate.of(2024, 6, 28)), currency("EUR"),
				new FxRateTable.Quote(currency("EUR"), new BigDecimal("0.9338"), LocalDate.of(2024, 6, 27))));
		FxConverter stale = new FxConverter(rates);

		assertThat(stale.convert(money("1.00", "USD"), currency("EUR")).quoteDate())
			.isEqualTo(LocalDate.of(2024, 6, 27));
		assertThat(stale.convert(money("1.00", "EUR"), currency("USD")).quoteDate())
			.isEqualTo(LocalDate.of(2024, 6, 27));
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(textBlock = """
			100.00, USD, BRL, BRL
			100.00, AED, USD, AED
			100.00, BRL, KRW, BRL
			""")
	void skipsAConversionWithoutARate(String amount, String source, String target, String missing) {
		assertThatExceptionOfType(PayoutSkippedException.class)
			.isThrownBy(() -> converter.convert(money(amount, source), currency(target)))
			.satisfies(skip -> {
				assertThat(skip.category()).isEqualTo(SkipCategory.UNSUPPORTED_CURRENCY);
				assertThat(skip.reason()).isEqualTo("no FX rate for " + missing + " in config/fx/fx-rates.csv");
			});
	}

}
