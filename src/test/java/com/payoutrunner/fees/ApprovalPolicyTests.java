package com.payoutrunner.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.routing.FxRateTable;

class ApprovalPolicyTests {

	static final MoneyConversion CONVERSION = FxRateTable.load(Path.of("config/fx/fx-rates.csv")).conversion();

	static final ApprovalPolicy POLICY = new ApprovalPolicy(CONVERSION, Money.parseStated("EUR 100000.00"));

	// Real FX table: EUR 0.9338, JPY 160.88, GBP 0.7911 per USD. EUR 10,000 is USD
	// 10,708.93..., JPY 1,722,852.85..., GBP 8,471.83...
	@ParameterizedTest(name = "{0} against {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "NONE",
			textBlock = """
					EUR 40000.00   | EUR 10000.00  | 40000.00 EUR is above the approval threshold 10000.00 EUR (fee-schedule.csv:2)
					EUR 10000.01   | EUR 10000.00  | 10000.01 EUR is above the approval threshold 10000.00 EUR (fee-schedule.csv:2)
					EUR 10000.00   | EUR 10000.00  | NONE
					USD 10000.00   | EUR 10000.00  | NONE
					USD 10708.93   | EUR 10000.00  | NONE
					USD 10708.94   | EUR 10000.00  | 10708.94 USD is above the approval threshold 10000.00 EUR (fee-schedule.csv:2)
					JPY 1722852    | EUR 10000.00  | NONE
					JPY 1722853    | EUR 10000.00  | 1722853 JPY is above the approval threshold 10000.00 EUR (fee-schedule.csv:2)
					GBP 9999.00    | EUR 10000.00  | 9999.00 GBP is above the approval threshold 10000.00 EUR (fee-schedule.csv:2)
					GBP 8471.00    | EUR 10000.00  | NONE
					EUR 60000.00   | EUR 500000.00 | NONE
					EUR 100000.00  | EUR 500000.00 | NONE
					EUR 100000.01  | EUR 500000.00 | 100000.01 EUR is above the approval ceiling 100000.00 EUR (payout.approvals.ceiling)
					USD 107089.31  | EUR 500000.00 | NONE
					USD 107089.32  | EUR 500000.00 | 107089.32 USD is above the approval ceiling 100000.00 EUR (payout.approvals.ceiling)
					""")
	void needsApprovalAboveTheThresholdOrTheCeilingByValue(String amount, String threshold, String reason) {
		assertThat(
				POLICY.reasonForApproval(Money.parseStated(amount), Money.parseStated(threshold), "fee-schedule.csv:2"))
			.isEqualTo(java.util.Optional.ofNullable(reason));
	}

	@Test
	void refusesACeilingItCannotCompare() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalPolicy(CONVERSION, Money.parseStated("KWD 30000.000")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ApprovalPolicy(CONVERSION, Money.parseStated("EUR 0")));
	}

}
