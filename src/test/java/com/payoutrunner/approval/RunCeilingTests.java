package com.payoutrunner.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.FxRateTable;

class RunCeilingTests {

	@ParameterizedTest
	@CsvSource({ "USD 1000000, USD 1000000.00", "EUR 1000.5, EUR 1000.50", "'  JPY 5000 ', JPY 5000", "none, none",
			"NONE, none" })
	void parsesAnAmountWithItsCurrencyOrNone(String setting, String parsed) {
		assertThat(RunCeiling.parse(setting)).hasToString(parsed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1000000", "USD", "usd 1000", "XYZ 1000", "USD 1,000,000", "USD 10.001", "JPY 1.5",
			"USD -5", "USD 1000 EUR" })
	void refusesAnythingElseNamingTheSetting(String setting) {
		assertThatIllegalArgumentException().isThrownBy(() -> RunCeiling.parse(setting))
			.withMessageStartingWith("payout.approvals.run-ceiling (PAYOUT_APPROVALS_RUN_CEILING) '")
			.withMessageEndingWith("write an amount with its currency such as 'USD 1000000', or 'none'");
	}

	@Test
	void onlyMoreThanTheCeilingWaitsAndNoneNeverDoes() {
		RunCeiling ceiling = RunCeiling.parse("USD 1000");
		assertThat(ceiling.isExceededBy(Money.ofMinor(100_000, "USD"))).isFalse();
		assertThat(ceiling.isExceededBy(Money.ofMinor(100_001, "USD"))).isTrue();
		assertThat(RunCeiling.parse("none").isExceededBy(Money.ofMinor(Long.MAX_VALUE, "USD"))).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> ceiling.isExceededBy(Money.ofMinor(1, "EUR")))
			.withMessage("a total in EUR cannot be compared with a ceiling in USD");
	}

	@Test
	void totalsAreConvertedPerCurrencyAtTheFxRateNeverAddedAsBareNumbers(@TempDir Path dir) throws Exception {
		Path rates = Files.writeString(dir.resolve("fx-rates.csv"), """
				currency,units_per_usd,quote_date
				USD,1.000000,2024-06-28
				EUR,0.500000,2024-06-28
				""");
		FxConverter fx = new FxConverter(FxRateTable.load(rates));
		List<PreviewTotals.Row> rows = List.of(row("SEPA", "EUR", "EUR", 100_00, 3_00),
				row("ACH", "USD", "USD", 100_00, 1_00), row("SEPA", "EUR", "USD", 50_00, 0));

		RunTotals totals = RunTotals.of(rows, Currency.getInstance("USD"), fx);

		// EUR 100.00 at 0.5 EUR per USD is USD 200.00; with USD 150.00: USD 350.00.
		assertThat(totals.gross()).isEqualTo(Money.ofMinor(350_00, "USD"));
		assertThat(totals.fees()).isEqualTo(Money.ofMinor(7_00, "USD"));
		assertThat(totals.net()).isEqualTo(Money.ofMinor(343_00, "USD"));
		assertThat(totals.payouts()).isEqualTo(3);
	}

	private static PreviewTotals.Row row(String rail, String railCurrency, String currency, long gross, long fees) {
		return new PreviewTotals.Row(new PreviewTotals.Key(rail, railCurrency, "sandbox-bank", currency), 1,
				Money.ofMinor(gross, currency), Money.ofMinor(fees, currency), Money.ofMinor(gross - fees, currency),
				Money.ofMinor(gross - fees, railCurrency));
	}

}
