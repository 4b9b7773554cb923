package com.payoutrunner.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.payoutrunner.core.TableFormatException;

class FxRateTableTests {

	private static final FxRateTable REAL = FxRateTable.load(Path.of("config/fx/fx-rates.csv"));

	private static final String HEADER = "currency,units_per_usd,quote_date\n";

	private static final String USD_ROW = "USD,1.000000,2024-06-28\n";

	@TempDir
	Path dir;

	private Path write(String rows) throws IOException {
		return Files.writeString(dir.resolve("fx-rates.csv"), HEADER + rows);
	}

	@ParameterizedTest(name = "{0} = {1} per USD")
	@CsvSource({ "USD, 1.000000", "EUR, 0.933800", "GBP, 0.791100", "JPY, 160.880000", "IDR, 16375.000000" })
	void loadsTheRealRates(String code, BigDecimal unitsPerUsd) {
		Currency currency = Currency.getInstance(code);

		assertThat(REAL.quote(currency))
			.contains(new FxRateTable.Quote(currency, unitsPerUsd, LocalDate.of(2024, 6, 28)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "USD", "EUR", "GBP", "CAD", "CHF", "PLN", "AUD", "SGD", "INR", "JPY", "DKK", "NZD", "NOK",
			"HKD", "SEK", "RON", "MXN", "ILS", "IDR", "HUF" })
	void supportsTheCurrencyOfEveryRail(String code) {
		assertThat(REAL.supports(Currency.getInstance(code))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "BRL", "AED", "KRW", "BHD" })
	void knowsNoOtherCurrency(String code) {
		Currency currency = Currency.getInstance(code);

		assertThat(REAL.supports(currency)).isFalse();
		assertThat(REAL.quote(currency)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown currency  | XYZ,1.5,2024-06-28     | 3 column 'currency': 'XYZ' is not an ISO 4217 currency code
					zero rate         | EUR,0,2024-06-28       | 3 column 'units_per_usd': rate 0 must be above zero
					negative rate     | EUR,-0.9338,2024-06-28 | 3 column 'units_per_usd': rate -0.9338 must be above zero
					rate not a number | EUR,0.93.38,2024-06-28 | 3 column 'units_per_usd': '0.93.38' is not a decimal number
					missing rate      | EUR,,2024-06-28        | 3 column 'units_per_usd': value is required
					bad date          | EUR,0.9338,28.06.2024  | 3 column 'quote_date': '28.06.2024' is not a date like 2024-06-28
					impossible date   | EUR,0.9338,2024-02-30  | 3 column 'quote_date': '2024-02-30' is not a date like 2024-06-28
					duplicate         | USD,1,2024-06-29       | 3 column 'currency': currency USD appears twice
					gold              | XAU,0.0004,2024-06-28  | 3 column 'currency': XAU has no minor unit in ISO 4217: no rail pays it
					""")
	void reportsABadRowWithFileLineAndColumn(String description, String badRow, String where) throws IOException {
		Path file = write(USD_ROW + badRow + "\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FxRateTable.load(file))
			.withMessage(file + ":" + where);
	}

	@ParameterizedTest
	@ValueSource(strings = { "EUR,0.9338,2024-06-28\n", "USD,1.01,2024-06-28\n", "USD,0.999999,2024-06-28\n" })
	void requiresUsdAtExactlyOne(String rows) throws IOException {
		Path file = write(rows);

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FxRateTable.load(file))
			.withMessage(file + ": USD must be quoted at exactly 1");
	}

	@Test
	void acceptsUsdWrittenWithAnyScale() throws IOException {
		FxRateTable table = FxRateTable.load(write("USD,1,2024-06-28\n"));

		assertThat(table.supports(Currency.getInstance("USD"))).isTrue();
	}

}
