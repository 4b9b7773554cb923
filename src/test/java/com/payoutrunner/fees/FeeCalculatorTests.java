package com.payoutrunner.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.Priority;
import com.payoutrunner.routing.FxRateTable;

class FeeCalculatorTests {

	private static final MoneyConversion CONVERSION = FxRateTable.load(Path.of("config/fx/fx-rates.csv")).conversion();

	private static final FeeCalculator calculator = new FeeCalculator(
			FeeSchedule.load(Path.of("config/fees/fee-schedule.csv"), CONVERSION::canConvert), CONVERSION);

	private static Money money(String amount, String currency) {
		return Money.parse(amount, Currency.getInstance(currency));
	}

	// The fixed part is EUR (2.00, 1.00, 0.50, 0.25 by priority) converted at the real FX
	// table (EUR 0.9338, JPY 160.88, GBP 0.7911 per USD), HALF_UP: EUR 0.50 = 0.535...
	// USD
	// -> 0.54, = 86.14... JPY -> 86.
	@ParameterizedTest(name = "{0} {1} {2}: {3} + {4} = {5}, net {6}")
	@CsvSource(textBlock = """
			1000.00,   EUR, NORMAL,   2.50,  0.50, 3.00,  997.00
			1000.00,   EUR, INSTANT,  5.00,  2.00, 7.00,  993.00
			1000.00,   EUR, PRIORITY, 3.50,  1.00, 4.50,  995.50
			1000.00,   EUR, LOW,      1.50,  0.25, 1.75,  998.25
			1.00,      USD, NORMAL,   0.00,  0.54, 0.54,  0.46
			2.00,      USD, NORMAL,   0.01,  0.54, 0.55,  1.45
			3.00,      USD, NORMAL,   0.01,  0.54, 0.55,  2.45
			1.00,      USD, LOW,      0.00,  0.27, 0.27,  0.73
			3.33,      USD, LOW,      0.00,  0.27, 0.27,  3.06
			3.34,      USD, LOW,      0.01,  0.27, 0.28,  3.06
			1234.57,   USD, PRIORITY, 4.32,  1.07, 5.39,  1229.18
			99.99,     USD, INSTANT,  0.50,  2.14, 2.64,  97.35
			100000.00, USD, NORMAL,   250.00, 0.54, 250.54, 99749.46
			1000.00,   GBP, NORMAL,   2.50,  0.42, 2.92,  997.08
			100000,    JPY, NORMAL,   250,   86,   336,   99664
			1000,      JPY, INSTANT,  5,     345,  350,   650
			300,       JPY, LOW,      0,     43,   43,    257
			500,       JPY, PRIORITY, 2,     172,  174,   326
			""")
	void pricesEachPartRoundedHalfUpToTheMinorUnit(String amount, String currency, Priority priority, String percentage,
			String fixed, String total, String net) {
		Money gross = money(amount, currency);

		Fee fee = calculator.feeFor(gross, priority);
		Money netAmount = calculator.netOf(gross, fee);

		assertThat(fee.percentagePart()).isEqualTo(money(percentage, currency));
		assertThat(fee.fixedPart()).isEqualTo(money(fixed, currency));
		assertThat(fee.total()).isEqualTo(money(total, currency));
		assertThat(netAmount).isEqualTo(money(net, currency));
		assertThat(netAmount.plus(fee.total())).isEqualTo(gross);
	}

	@ParameterizedTest
	@CsvSource({ "INSTANT, fee-schedule.csv:2", "PRIORITY, fee-schedule.csv:3", "NORMAL, fee-schedule.csv:4",
			"LOW, fee-schedule.csv:5" })
	void recordsTheRuleItUsed(Priority priority, String rule) {
		assertThat(calculator.feeFor(money("10.00", "USD"), priority).rule()).isEqualTo(rule);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0.54 | USD | NORMAL  | fee 0.54 USD is not below the amount 0.54 USD
			0.25 | USD | NORMAL  | fee 0.54 USD is not below the amount 0.25 USD
			2.00 | USD | INSTANT | fee 2.15 USD is not below the amount 2.00 USD
			1.00 | EUR | PRIORITY| fee 1.00 EUR is not below the amount 1.00 EUR
			86   | JPY | NORMAL  | fee 86 JPY is not below the amount 86 JPY
			""")
	void skipsAPayoutWhoseFeeWouldTakeTheWholeAmount(String amount, String currency, Priority priority, String reason) {
		Money gross = money(amount, currency);
		Fee fee = calculator.feeFor(gross, priority);

		assertThatExceptionOfType(PayoutSkippedException.class).isThrownBy(() -> calculator.netOf(gross, fee))
			.satisfies(skip -> {
				assertThat(skip.category()).isEqualTo(SkipCategory.AMOUNT_BELOW_FEES);
				assertThat(skip.reason()).isEqualTo(reason);
			});
	}

	@Test
	void skipsAPayoutInACurrencyWithoutARate() {
		Money gross = money("100.000", "KWD");

		assertThatExceptionOfType(PayoutSkippedException.class)
			.isThrownBy(() -> calculator.feeFor(gross, Priority.NORMAL))
			.satisfies(skip -> assertThat(skip.category()).isEqualTo(SkipCategory.UNSUPPORTED_CURRENCY));
	}

}
