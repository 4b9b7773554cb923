package com.payoutrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.CliConsole;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * The operators' contract: commands, output and exit codes, through the real entry point.
 */
class PayoutRunnerCliIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	CliConsole console;

	@TempDir
	Path dir;

	@BeforeEach
	void pointTheCliAtTheTestDatabase() {
		console.capture();
	}

	@Test
	void importRunAndRunAgain() {
		String event = TestEvents.unique("CLI");

		assertThat(PayoutRunnerCli.execute("import", "--event", event, "--file", SampleEvent.FILE.toString()))
			.as(() -> console.err())
			.isZero();
		assertThat(lastLine()).contains("\"loaded\":52");
		assertThat(PayoutRunnerCli.execute("run", "--event", event)).as(() -> console.err()).isZero();
		assertThat(out()).contains("[buildBatchLinesStep] completed: read 52, written 49, skipped 3");
		assertThat(lastLine()).startsWith("{\"run_id\":")
			.contains("\"event\":\"" + event + "\",\"status\":\"COMPLETED\",\"created\":49,\"skipped\":3,\"failed\":0")
			.contains("\"skip_breakdown\":{");
		assertThat(PayoutRunnerCli.execute("run", "--event", event)).isZero();
		assertThat(console.err()).contains("already COMPLETED");
		assertThat(PayoutRunnerCli.execute("payouts", "--event", event)).isZero();
		assertThat(out()).contains(
				"investor_id,investor_name,country,amount,currency,rail,rail_currency,fx,fx_quote_date,fee,net_amount");
	}

	@Test
	void anUnknownEventIsBadUsage() {
		assertThat(PayoutRunnerCli.execute("run", "--event", "NO-SUCH-EVENT")).isEqualTo(2);
		assertThat(console.err().strip())
			.isEqualTo("payout-runner: no liquidation event NO-SUCH-EVENT: import its file first");
	}

	@Test
	void aMissingOptionIsBadUsage() {
		assertThat(PayoutRunnerCli.execute("run")).isEqualTo(2);
		assertThat(console.err()).contains("Missing required option: '--event=EVENT'");
	}

	@Test
	void aBadReferenceTableStopsStartUpNamingFileLineAndReason() throws Exception {
		Path fees = Files.writeString(dir.resolve("fees.csv"), """
				priority,rate_percent,fixed_fee,batched,approval_threshold
				instant,0.50,EUR 2.00,false,EUR 10000.00
				urgent,0.35,EUR 1.00,true,EUR 10000.00
				""");
		console.set("payout.tables.fee-schedule", fees.toString());

		assertThat(PayoutRunnerCli.execute("status", "--event", "ANY")).isEqualTo(2);
		assertThat(console.err().strip()).isEqualTo("payout-runner: bad configuration table: " + fees
				+ ":3 column 'priority': priority 'urgent' is not one of instant, priority, normal, low");
	}

	@Test
	void aMisspeltOrBadScheduleParameterStopsStartUpNamingFileLineAndSchedule() throws Exception {
		Path schedules = Files.writeString(dir.resolve("schedules.yaml"), """
				schedules:
				  - name: daily-normal
				    job: payoutRunJob
				    trigger: daily
				    at: "13:00"
				    zone: Europe/Brussels
				    parameters:
				      priorites: normal
				  - name: weekly-low
				    job: payoutRunJob
				    trigger: weekly
				    day: monday
				    at: "07:00"
				    zone: Europe/Brussels
				    parameters:
				      priorities: urgent
				""");
		System.setProperty("payout.schedules-file", schedules.toString());
		try {
			assertThat(PayoutRunnerCli.execute("schedules")).isEqualTo(2);
		}
		finally {
			System.clearProperty("payout.schedules-file");
		}
		assertThat(console.err())
			.contains(schedules + " line 8: schedule 'daily-normal': unknown parameter 'priorites' for payoutRunJob")
			.contains(schedules + " line 16: schedule 'weekly-low': unknown priority 'urgent'");
	}

	private String out() {
		return console.out();
	}

	private String lastLine() {
		return console.lastLine();
	}

}
