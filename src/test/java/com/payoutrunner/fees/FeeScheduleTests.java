package com.payoutrunner.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.TableFormatException;
import com.payoutrunner.payout.Priority;

class FeeScheduleTests {

	private static final Path REAL_FILE = Path.of("config/fees/fee-schedule.csv");

	private static final String HEADER = "priority,rate_percent,fixed_fee,batched,approval_threshold\n";

	@TempDir
	Path dir;

	private Path write(String rows) throws IOException {
		return Files.writeString(dir.resolve("fee-schedule.csv"), HEADER + rows);
	}

	@ParameterizedTest(name = "{0}: {1}% + {2}, batched {3}, approval above {4}")
	@CsvSource(nullValues = "NULL", textBlock = """
			INSTANT,  0.50, 2.00, false, NULL,     fee-schedule.csv:2
			PRIORITY, 0.35, 1.00, true,  NULL,     fee-schedule.csv:3
			NORMAL,   0.25, 0.50, true,  10000.00, fee-schedule.csv:4
			LOW,      0.15, 0.25, true,  50000.00, fee-schedule.csv:5
			""")
	void loadsTheRealScheduleWithOneRulePerPriority(Priority priority, BigDecimal rate, BigDecimal fixed,
			boolean batched, BigDecimal threshold, String source) {
		assertThat(FeeSchedule.load(REAL_FILE).ruleFor(priority))
			.isEqualTo(new FeeRule(priority, rate, fixed, batched, threshold, source));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					unknown priority     | urgent,0.5,2.00,false,                 | 3 column 'priority': priority 'urgent' is not one of instant, priority, normal, low
					priority in capitals | Normal,0.5,2.00,false,                 | 3 column 'priority': priority 'Normal' is not one of instant, priority, normal, low
					negative rate        | normal,-0.25,0.50,true,10000.00        | 3 column 'rate_percent': rate -0.25 must be at least 0 and below 100
					rate of 100%         | normal,100,0.50,true,10000.00          | 3 column 'rate_percent': rate 100 must be at least 0 and below 100
					rate not a number    | normal,0.25%,0.50,true,10000.00        | 3 column 'rate_percent': '0.25%' is not a decimal number
					negative fixed fee   | normal,0.25,-0.50,true,10000.00        | 3 column 'fixed_fee': fixed fee -0.50 must not be negative
					zero threshold       | normal,0.25,0.50,true,0                | 3 column 'approval_threshold': threshold 0 must be above zero
					batched not boolean  | normal,0.25,0.50,yes,10000.00          | 3 column 'batched': 'yes' is not true or false
					duplicate priority   | instant,0.60,2.00,false,               | 3 column 'priority': priority instant appears twice
					""")
	void reportsABadRowWithFileLineAndColumn(String description, String badRow, String where) throws IOException {
		Path file = write("instant,0.50,2.00,false,\n" + badRow + "\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file))
			.withMessage(file + ":" + where);
	}

	@Test
	void requiresARuleForEveryPriority() throws IOException {
		Path file = write("""
				instant,0.50,2.00,false,
				priority,0.35,1.00,true,
				normal,0.25,0.50,true,10000.00
				""");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file))
			.withMessage(file + ": no fee rule for priority low");
	}

	@Test
	void requiresEveryColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("fees.csv"),
				"priority,rate_percent,fixed_fee,batched\ninstant,0.5,2,false\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> FeeSchedule.load(file))
			.withMessage(file + ":1 column 'approval_threshold': required column is missing "
					+ "(header: [priority, rate_percent, fixed_fee, batched])");
	}

	@Test
	void namesTheSourceRowAfterTheFileName() throws IOException {
		Path file = write("""
				low,0.15,0.25,true,50000.00
				normal,0.25,0.50,true,10000.00
				priority,0.35,1.00,true,
				instant,0.50,2.00,false,
				""");

		FeeSchedule schedule = FeeSchedule.load(file);

		assertThat(schedule.ruleFor(Priority.LOW).source()).isEqualTo("fee-schedule.csv:2");
		assertThat(schedule.ruleFor(Priority.INSTANT).source()).isEqualTo("fee-schedule.csv:5");
	}

}
