package com.payoutrunner.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.Priority;

class FeeCalculatorTests {

	private static final FeeCalculator calculator = new FeeCalculator(
			FeeSchedule.load(Path.of("config/fees/fee-schedule.csv")));

	private static Money money(String amount, String currency) {
		return Money.parse(amount, Currency.getInstance(currency));
	}

	@ParameterizedTest(name = "{0} {1} {2}: {3} + {4} = {5}, net {6}")
	@CsvSource(textBlock = """
			1000.00,   EUR, NORMAL,   2.50,  0.50, 3.00,  997.00
			1000.00,   EUR, INSTANT,  5.00,  2.00, 7.00,  993.00
			1000.00,   EUR, PRIORITY, 3.50,  1.00, 4.50,  995.50
			1000.00,   EUR, LOW,      1.50,  0.25, 1.75,  998.25
			1.00,      USD, NORMAL,   0.00,  0.50, 0.50,  0.50
			2.00,      USD, NORMAL,   0.01,  0.50, 0.51,  1.49
			3.00,      USD, NORMAL,   0.01,  0.50, 0.51,  2.49
			1.00,      USD, LOW,      0.00,  0.25, 0.25,  0.75
			3.33,      USD, LOW,      0.00,  0.25, 0.25,  3.08
			3.34,      USD, LOW,      0.01,  0.25, 0.26,  3.08
			1234.57,   USD, PRIORITY, 4.32,  1.00, 5.32,  1229.25
			99.99,     USD, INSTANT,  0.50,  2.00, 2.50,  97.49
			100000.00, USD, NORMAL,   250.00, 0.50, 250.50, 99749.50
			100000,    JPY, NORMAL,   250,   1,    251,   99749
			1000,      JPY, INSTANT,  5,     2,    7,     993
			300,       JPY, LOW,      0,     0,    0,     300
			500,       JPY, PRIORITY, 2,     1,    3,     497
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
			0.50 | USD | NORMAL  | fee 0.50 USD is not below the amount 0.50 USD
			0.25 | USD | NORMAL  | fee 0.50 USD is not below the amount 0.25 USD
			2.00 | USD | INSTANT | fee 2.01 USD is not below the amount 2.00 USD
			1.00 | EUR | PRIORITY| fee 1.00 EUR is not below the amount 1.00 EUR
			1    | JPY | NORMAL  | fee 1 JPY is not below the amount 1 JPY
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

}
