package com.payoutrunner.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;

class StartRunAndApprovalsPagesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			12000.00  | EUR | EUR 12,000.00
			1500      | JPY | JPY 1,500
			0.125     | BHD | BHD 0.125
			-5.00     | USD | USD -5.00
			abc       | USD | USD abc
			12.00     | XYZ | XYZ 12.00
			""")
	void amountsAreExactWithTheirCurrencyAndWhatIsNoAmountStaysAsItIs(String decimal, String currency, String shown) {
		assertThat(Amounts.of(decimal, currency)).isEqualTo(shown);
	}

	@ParameterizedTest
	@CsvSource(nullValues = "null", textBlock = """
			null,      false, Launch this run
			FAILED,    false, Launch this run
			STOPPED,   false, Launch this run
			COMPLETED, true,  Launch a rerun
			ABANDONED, true,  Launch a rerun
			""")
	void theLaunchButtonResumesUntilTheLatestRunHasEndedForGood(String latest, boolean rerun, String label) {
		PreviewPage.Launch launch = PreviewPage.Launch.after(latest);
		assertThat(launch.rerun()).isEqualTo(rerun);
		assertThat(launch.label()).isEqualTo(label);
	}

	@org.junit.jupiter.api.Test
	void aMoneyAmountIsGroupedWithItsCurrencysDecimals() {
		assertThat(Amounts.of(Money.ofMinor(123456789, "USD"))).isEqualTo("USD 1,234,567.89");
		assertThat(Amounts.of(null)).isEmpty();
	}

}
