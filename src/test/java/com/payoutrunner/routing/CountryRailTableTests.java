package com.payoutrunner.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.TableFormatException;

class CountryRailTableTests {

	private static final CountryRailTable REAL = CountryRailTable.load(Path.of("config/rails/country-rails.csv"));

	private static final String HEADER = "country,rail,currency,scheme,notes\n";

	private static final String FALLBACK_ROW = "*,WIRE,USD,SWIFT,fallback\n";

	@TempDir
	Path dir;

	private Path write(String rows) throws IOException {
		return Files.writeString(dir.resolve("country-rails.csv"), HEADER + rows);
	}

	@Test
	void theRealTableHasTheThirtyEightCountriesOfTheDesign() {
		assertThat(REAL.countryCount()).isEqualTo(38);
	}

	@Test
	void theRealFallbackIsAnInternationalWireInUsd() {
		assertThat(REAL.fallback())
			.isEqualTo(new RailRoute("WIRE", Currency.getInstance("USD"), "SWIFT", "country-rails.csv:40"));
	}

	@ParameterizedTest
	@CsvSource({ "US, ACH, CCD, country-rails.csv:2", "DE, SEPA, SCT, country-rails.csv:3",
			"CA, EFT, purpose-code-250, country-rails.csv:23", "GB, BACS, , country-rails.csv:22" })
	void keepsTheSchemeAndNamesTheRowUsed(String country, String rail, String scheme, String rule) {
		RailRoute route = REAL.routeFor(country);

		assertThat(route.rail()).isEqualTo(rail);
		assertThat(route.scheme()).isEqualTo(scheme);
		assertThat(route.rule()).isEqualTo(rule);
	}

	@Test
	void readsAValidTable() throws IOException {
		Path file = write("JP,ZENGIN,JPY,,\n" + FALLBACK_ROW);

		CountryRailTable table = CountryRailTable.load(file);

		assertThat(table.countryCount()).isEqualTo(1);
		assertThat(table.routeFor("JP"))
			.isEqualTo(new RailRoute("ZENGIN", Currency.getInstance("JPY"), null, "country-rails.csv:2"));
		assertThat(table.routeFor("BR")).isSameAs(table.fallback());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					alpha-3 country       | DEU,SEPA,EUR,SCT,   | 2 column 'country': 'DEU' is not an ISO 3166 alpha-2 country code (or * for the fallback)
					lowercase country     | de,SEPA,EUR,SCT,    | 2 column 'country': 'de' is not an ISO 3166 alpha-2 country code (or * for the fallback)
					unknown country       | ZZ,SEPA,EUR,SCT,    | 2 column 'country': 'ZZ' is not an ISO 3166 alpha-2 country code (or * for the fallback)
					lowercase rail        | DE,sepa,EUR,SCT,    | 2 column 'rail': rail 'sepa' must be UPPER_SNAKE_CASE
					rail with a dash      | DE,SEPA-CT,EUR,SCT, | 2 column 'rail': rail 'SEPA-CT' must be UPPER_SNAKE_CASE
					unknown currency      | DE,SEPA,XYZ,SCT,    | 2 column 'currency': 'XYZ' is not an ISO 4217 currency code
					lowercase currency    | DE,SEPA,eur,SCT,    | 2 column 'currency': 'eur' is not an ISO 4217 currency code
					empty rail            | DE,,EUR,SCT,        | 2 column 'rail': value is required
					""")
	void reportsABadRowWithFileLineAndColumn(String description, String badRow, String where) throws IOException {
		Path file = write(badRow + "\n" + FALLBACK_ROW);

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CountryRailTable.load(file))
			.withMessage(file + ":" + where);
	}

	@Test
	void rejectsACountryListedTwice() throws IOException {
		Path file = write("DE,SEPA,EUR,SCT,\nFR,SEPA,EUR,SCT,\nDE,SEPA,EUR,SCT,\n" + FALLBACK_ROW);

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CountryRailTable.load(file))
			.withMessage(file + ":4 column 'country': country DE appears twice");
	}

	@Test
	void rejectsASecondFallbackRow() throws IOException {
		Path file = write(FALLBACK_ROW + "DE,SEPA,EUR,SCT,\n" + FALLBACK_ROW);

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CountryRailTable.load(file))
			.withMessage(file + ":4 column 'country': the fallback row * appears twice");
	}

	@Test
	void requiresAFallbackRow() throws IOException {
		Path file = write("DE,SEPA,EUR,SCT,\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CountryRailTable.load(file))
			.withMessage(file + ": no fallback row (country *) for unsupported countries");
	}

	@Test
	void requiresTheSchemeColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("rails.csv"), "country,rail,currency\nDE,SEPA,EUR\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> CountryRailTable.load(file))
			.withMessage(file + ":1 column 'scheme': required column is missing (header: [country, rail, currency])");
	}

}
