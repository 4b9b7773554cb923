package com.payoutrunner.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.TableFormatException;
import com.payoutrunner.payout.Priority;

class FeeScheduleTests {

	private static final Path REAL_FILE = Path.of("config/fees/fee-schedule.csv");

	/** Currencies with a rate, as the FX table would say. */
	private static final Predicate<Currency> CONVERTIBLE = currency -> Set.of("EUR", "USD", "JPY")
		.contains(currency.getCurrencyCode());

	private static final String HEADER = "priority,rate_percent,fixed_fee,batched,approval_threshold\n";

	@TempDir
	Path dir;

	private Path write(String rows) throws IOException {
		return Files.writeString(dir.resolve("fee-schedule.csv"), HEADER + rows);
	}

	@ParameterizedTest(name = "{0}: {1}% + {2}, batched {3}, approval above {4}")
	@CsvSource(textBlock = """
			INSTANT,  0.50, EUR 2.00, false, EUR 10000.00, fee-schedule.csv:2
			PRIORITY, 0.35, EUR 1.00, true,  EUR 10000.00, fee-schedule.csv:3
			NORMAL,   0.25, EUR 0.50, true,  EUR 10000.00, fee-schedule.csv:4
			LOW,      0.15, EUR 0.25, true,  EUR 50000.00, fee-schedule.csv:5
			""")
	void loadsTheRealScheduleWithOneRulePerPriority(Priority priority, BigDecimal rate, String fixed, boolean batched,
			String threshold, String source) {
		assertThat(FeeSchedule.load(REAL_FILE, CONVERTIBLE).ruleFor(priority)).isEqualTo(
				new FeeRule(priority, rate, Money.parseStated(fixed), batched, Money.parseStated(threshold), source));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown priority     | urgent,0.5,EUR 2.00,false,EUR 10000         | 3 column 'priority': priority 'urgent' is not one of instant, priority, normal, low
					priority in capitals | Normal,0.5,EUR 2.00,false,EUR 10000         | 3 column 'priority': priority 'Normal' is not one of instant, priority, normal, low
					negative rate        | normal,-0.25,EUR 0.50,true,EUR 10000.00     | 3 column 'rate_percent': rate -0.25 must be at least 0 and below 100
					rate of 100%         | normal,100,EUR 0.50,true,EUR 10000.00       | 3 column 'rate_percent': rate 100 must be at least 0 and below 100
					rate not a number    | normal,0.25%,EUR 0.50,true,EUR 10000.00     | 3 column 'rate_percent': '0.25%' is not a decimal number
					negative fixed fee   | normal,0.25,EUR -0.50,true,EUR 10000.00     | 3 column 'fixed_fee': fixed fee -0.50 EUR must not be negative
					bare fixed fee       | normal,0.25,0.50,true,EUR 10000.00          | 3 column 'fixed_fee': '0.50' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00
					fee too precise      | normal,0.25,EUR 0.505,true,EUR 10000.00     | 3 column 'fixed_fee': amount '0.505' has more decimals than EUR allows (2)
					fee without a rate   | normal,0.25,GBP 0.50,true,EUR 10000.00      | 3 column 'fixed_fee': GBP has no FX rate in the FX table: 0.50 GBP could not be converted into a payout's currency
					bare threshold       | normal,0.25,EUR 0.50,true,10000.00          | 3 column 'approval_threshold': '10000.00' does not state its currency: write the ISO 4217 code, a space and the amount, e.g. EUR 10000.00
					missing threshold    | normal,0.25,EUR 0.50,true,                  | 3 column 'approval_threshold': value is required
					zero threshold       | normal,0.25,EUR 0.50,true,EUR 0             | 3 column 'approval_threshold': threshold 0.00 EUR must be above zero
					unknown currency     | normal,0.25,EUR 0.50,true,EUX 10000         | 3 column 'approval_threshold': 'EUX' is not an ISO 4217 currency code
					threshold of gold    | normal,0.25,EUR 0.50,true,XAU 10            | 3 column 'approval_threshold': XAU has no FX rate in the FX table: 10 XAU could not be converted into a payout's currency
					batched not boolean  | normal,0.25,EUR 0.50,yes,EUR 10000.00       | 3 column 'batched': 'yes' is not true or false
					duplicate priority   | instant,0.60,EUR 2.00,false,EUR 10000       | 3 column 'priority': priority instant appears twice
					""")
	void reportsABadRowWithFileLineAndColumn(String description, String badRow, String where) throws IOException {
		Path file = write("instant,0.50,EUR 2.00,false,EUR 10000.00\n" + badRow + "\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file, CONVERTIBLE))
			.withMessage(file + ":" + where);
	}

	@Test
	void requiresARuleForEveryPriority() throws IOException {
		Path file = write("""
				instant,0.50,EUR 2.00,false,EUR 10000.00
				priority,0.35,EUR 1.00,true,EUR 10000.00
				normal,0.25,EUR 0.50,true,EUR 10000.00
				""");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file, CONVERTIBLE))
			.withMessage(file + ": no fee rule for priority low");
	}

	@Test
	void requiresEveryColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("fees.csv"),
				"priority,rate_percent,fixed_fee,batched\ninstant,0.5,2,false\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file, CONVERTIBLE))
			.withMessage(file + ":1 column 'approval_threshold': required column is missing "
					+ "(header: [priority, rate_percent, fixed_fee, batched])");
	}

	@Test
	void namesTheSourceRowAfterTheFileName() throws IOException {
		Path file = write("""
				low,0.15,EUR 0.25,true,EUR 50000.00
				normal,0.25,EUR 0.50,true,EUR 10000.00
				priority,0.35,EUR 1.00,true,EUR 10000.00
				instant,0.50,EUR 2.00,false,EUR 10000.00
				""");

		FeeSchedule schedule = FeeSchedule.load(file, CONVERTIBLE);

		assertThat(schedule.ruleFor(Priority.LOW).source()).isEqualTo("fee-schedule.csv:2");
		assertThat(schedule.ruleFor(Priority.INSTANT).source()).isEqualTo("fee-schedule.csv:5");
	}

}
