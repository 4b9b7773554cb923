package com.payoutrunner.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RailSelectorTests {

	private static final CountryRailTable TABLE = CountryRailTable.load(Path.of("config/rails/country-rails.csv"));

	private final RailSelector selector = new RailSelector(TABLE);

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource(textBlock = """
			US, ACH,       USD
			DE, SEPA,      EUR
			FR, SEPA,      EUR
			ES, SEPA,      EUR
			NL, SEPA,      EUR
			IT, SEPA,      EUR
			AT, SEPA,      EUR
			BE, SEPA,      EUR
			IE, SEPA,      EUR
			PT, SEPA,      EUR
			FI, SEPA,      EUR
			GR, SEPA,      EUR
			LU, SEPA,      EUR
			CY, SEPA,      EUR
			MT, SEPA,      EUR
			SK, SEPA,      EUR
			LT, SEPA,      EUR
			SI, SEPA,      EUR
			EE, SEPA,      EUR
			LV, SEPA,      EUR
			GB, BACS,      GBP
			CA, EFT,       CAD
			CH, SIC,       CHF
			PL, ELIXIR,    PLN
			AU, BECS,      AUD
			SG, GIRO,      SGD
			IN, NEFT,      INR
			JP, ZENGIN,    JPY
			DK, NETS,      DKK
			NZ, BECS,      NZD
			NO, NICS,      NOK
			HK, CHATS,     HKD
			SE, BANKGIROT, SEK
			RO, SENT,      RON
			MX, CCEN,      MXN
			IL, MASAV,     ILS
			ID, SKNBI,     IDR
			HU, ICS,       HUF
			""")
	void routesEachCountryOfTheDesignToItsLocalRail(String country, String rail, String currency) {
		RailRoute route = selector.select(country, false);

		assertThat(route.rail()).isEqualTo(rail);
		assertThat(route.currency().getCurrencyCode()).isEqualTo(currency);
	}

	@ParameterizedTest
	@CsvSource({ "AE", "KR", "BR", "CN", "ZA" })
	void sendsAnUnsupportedCountryByInternationalWireInUsd(String country) {
		RailRoute route = selector.select(country, false);

		assertThat(route.rail()).isEqualTo("WIRE");
		assertThat(route.currency().getCurrencyCode()).isEqualTo("USD");
	}

	@ParameterizedTest
	@CsvSource({ "JP", "BR", "DE", "GB", "US" })
	void paysAnInvestorWithAUsBankAccountByAchInUsd(String country) {
		RailRoute route = selector.select(country, true);

		assertThat(route.rail()).isEqualTo("ACH");
		assertThat(route.currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(route.scheme()).isEqualTo("CCD");
	}

}
