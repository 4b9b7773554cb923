package com.payoutrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.CliConsole;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * Run approvals as an operator uses them: a run over the ceiling waits (exit 1, nothing
 * sent), {@code status} shows its totals and approvals, {@code approve-run} by two people
 * other than the launcher resumes it, {@code reject-run} ends it for good.
 */
class RunApprovalCliIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	CliConsole console;

	@Autowired
	PayoutQueries db;

	String event;

	@BeforeEach
	void pointTheCliAtTheTestDatabase() {
		console.capture();
		console.set("payout.approvals.run-ceiling", "USD 1000");
		event = TestEvents.unique("CLI-RA");
		assertThat(PayoutRunnerCli.execute("import", "--event", event, "--file", SampleEvent.FILE.toString()))
			.as(this::err)
			.isZero();
	}

	@Test
	void aRunOverTheCeilingWaitsForTwoApproversOtherThanItsLauncher() {
		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--dry-run")).as(this::err).isZero();
		assertThat(err()).contains("over the run ceiling USD 1,000.00: it would wait for approval by 2 people");
		assertThat(lastLine()).contains("\"run_approval\":{\"approval_required\":true,");

		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--by", "lena")).as(this::err).isEqualTo(1);
		assertThat(out()).contains("[awaitRunApprovalStep] run total USD ").doesNotContain("[submitBatchLinesStep]");
		assertThat(lastLine()).contains("\"status\":\"AWAITING_APPROVAL\",\"created\":0");
		assertThat(err()).contains("stopped before any file or bank call")
			.contains("awaits approval by 2 people other than lena");
		assertThat(db.bankOrders(event)).isZero();

		assertThat(PayoutRunnerCli.execute("status", "--event", event)).isZero();
		assertThat(out())
			.contains("approval awaiting: 0 of 2 approvals (no decision yet); launched by lena; total USD ")
			.contains("totals: 49 payouts, gross ");

		assertThat(PayoutRunnerCli.execute("approve-run", "--event", event, "--by", "lena")).isEqualTo(1);
		assertThat(err()).contains("lena launched run").contains("may not approve it");
		assertThat(PayoutRunnerCli.execute("approve-run", "--event", event, "--by", "alice", "--comment", "totals ok"))
			.as(this::err)
			.isZero();
		assertThat(err()).contains("alice approved run").contains("1 of 2 approvals; it waits for 1 more");
		assertThat(PayoutRunnerCli.execute("approve-run", "--event", event, "--by", "alice")).isEqualTo(1);
		assertThat(err()).contains("alice has already decided");
		assertThat(db.bankOrders(event)).isZero();

		assertThat(PayoutRunnerCli.execute("approve-run", "--event", event, "--by", "bob")).as(this::err).isZero();
		assertThat(out()).contains("[awaitRunApprovalStep] run ").contains("was approved");
		assertThat(lastLine()).contains("\"status\":\"COMPLETED\",\"created\":" + SampleEvent.ELIGIBLE);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
	}

	@Test
	void aRejectedRunEndsForGood() {
		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--by", "lena")).isEqualTo(1);
		assertThat(PayoutRunnerCli.execute("reject-run", "--event", event, "--by", "carol", "--comment", "wrong"))
			.as(this::err)
			.isZero();
		assertThat(err()).contains("carol rejected run").contains("nothing of it is sent");

		assertThat(PayoutRunnerCli.execute("restart", "--event", event)).isEqualTo(1);
		assertThat(err()).contains("ABANDONED and cannot be resumed");
		assertThat(PayoutRunnerCli.execute("approve-run", "--event", event, "--by", "bob")).isEqualTo(2);
		assertThat(err()).contains("no run of event " + event + " awaits approval");
		assertThat(PayoutRunnerCli.execute("status", "--event", event)).isZero();
		assertThat(out()).contains("approval rejected: 0 of 2 approvals (rejected by carol)");
		assertThat(db.bankOrders(event)).isZero();
		assertThat(db.payoutsWithStatus(event, "pending")).isEqualTo(SampleEvent.PAYOUTS);
	}

	@Test
	void noneTurnsTheGateOff() {
		console.set("payout.approvals.run-ceiling", "none");

		assertThat(PayoutRunnerCli.execute("run", "--event", event, "--by", "lena")).as(this::err).isZero();
		assertThat(lastLine()).contains("\"status\":\"COMPLETED\",\"created\":" + SampleEvent.ELIGIBLE);
	}

	@Test
	void aMalformedCeilingStopsStartUp() {
		console.set("payout.approvals.run-ceiling", "a lot");

		assertThat(PayoutRunnerCli.execute("status", "--event", event)).isEqualTo(2);
		assertThat(err().strip()).isEqualTo("payout-runner: payout.approvals.run-ceiling (PAYOUT_APPROVALS_RUN_CEILING)"
				+ " 'a lot' is malformed: expected a currency code and an amount; write an amount with its currency"
				+ " such as 'USD 1000000', or 'none'");
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
