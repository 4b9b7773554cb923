package com.payoutrunner.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.cli.PayoutRunnerCli;
import com.payoutrunner.support.CliConsole;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;

/** {@code run --dry-run} through the real entry point: output and exit codes. */
class RunPreviewCliIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	CliConsole console;

	@Autowired
	ImportedEvents events;

	@BeforeEach
	void pointTheCliAtTheTestDatabase() {
		console.capture();
	}

	@Test
	void aDryRunPrintsTheTotalsAndTheSummaryAndLeavesTheRunToDo() throws Exception {
		String event = events.sample("CLIPRV");

		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--dry-run")).as(this::err).isZero();
		assertThat(err()).contains("payout-runner: dry run of " + event + " for business date ")
			.contains("nothing was written to the database and no bank was called; 49 payout(s) would be paid, "
					+ "3 skipped; files in ")
			.contains("target/test-reports/previews/" + event + "-");
		assertThat(out()).startsWith("rail,rail_currency,connector,currency,payouts,gross,fees,net,rail_amount\r\n")
			.contains("\r\nSEPA,EUR,sandbox-bank,USD,");
		assertThat(lastLine()).startsWith("{\"event\":\"" + event + "\",\"dry_run\":true,\"business_date\":")
			.contains(
					"\"latest_run_status\":null,\"payouts\":52,\"would_pay\":49,\"would_skip\":3,\"already_queued\":0")
			.contains("\"skip_breakdown\":{\"invalid_method\":1,\"missing_country\":1,\"missing_external_account\":1}")
			// Under the default run ceiling: the run would not wait for approval.
			.endsWith("preview-totals.csv\",\"run_approval\":{\"approval_required\":false,"
					+ "\"total\":\"USD 659,571.23\",\"ceiling\":\"USD 1,000,000.00\",\"approvals_required\":2}}");

		assertThat(PayoutRunnerCli.execute("run", "--event", event)).as(this::err).isZero();
		assertThat(lastLine()).contains("\"status\":\"COMPLETED\",\"created\":49,\"skipped\":3");

		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--dry-run", "--business-date", "2024-06-30"))
			.as(this::err)
			.isZero();
		assertThat(err()).contains("the latest run of " + event
				+ " already COMPLETED, so run would do nothing: this is what rerun --event " + event + " would pay");
		assertThat(lastLine()).contains("\"business_date\":\"2024-06-30\",\"latest_run_status\":\"COMPLETED\"")
			.contains("\"would_pay\":0,\"would_skip\":52")
			.contains("\"totals\":[]");
	}

	@Test
	void aDryRunForAHolidayShowsTheValueDatesOfThatDay() throws Exception {
		String event = events.sample("CLIXMAS");

		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--dry-run", "--business-date", "2026-12-25"))
			.as(this::err)
			.isZero();

		String previewFile = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(lastLine())
			.path("preview")
			.asString();
		List<String> sepaValueDates = Files.readAllLines(Path.of(previewFile))
			.stream()
			.filter(row -> row.contains(",SEPA,EUR,"))
			.map(row -> row.substring(row.lastIndexOf(',') + 1))
			.distinct()
			.toList();
		assertThat(sepaValueDates).as("TARGET is closed on 25 and 26 December").containsExactly("2026-12-28");
	}

	@Test
	void aDryRunOfAnUnknownEventIsBadUsage() {
		assertThat(PayoutRunnerCli.execute("run", "--event", "NO-SUCH-EVENT", "--dry-run")).isEqualTo(2);
		assertThat(err().strip()).isEqualTo("payout-runner: no liquidation event NO-SUCH-EVENT: import its file first");
	}

	@Test
	void aBusinessDateWithoutDryRunOrNotADateIsBadUsage() {
		assertThat(PayoutRunnerCli.execute("run", "--event", "ANY", "--business-date", "2024-06-30")).isEqualTo(2);
		assertThat(err()).contains("--business-date needs --dry-run");

		assertThat(PayoutRunnerCli.execute("run", "--event", "ANY", "--dry-run", "--business-date", "30/06/2024"))
			.isEqualTo(2);
		assertThat(err()).contains("'30/06/2024'");
	}

	private String out() {
		return console.out();
	}

	private String err() {
		return console.err();
	}

	private String lastLine() {
		return console.lastLine();
	}

}
