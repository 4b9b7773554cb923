package com.payoutrunner.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.core.Money;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestRunCeiling;

/**
 * A run over the run ceiling (here EUR 1,000, so the USD sample event is compared after
 * conversion) stops after building its lines and before any file or bank call, until two
 * people other than its launcher approve it; a rejected run never sends anything.
 */
class RunApprovalIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	TestRunCeiling ceiling;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunApprovals approvals;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	FxConverter fx;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	String event;

	@BeforeEach
	void importSampleEventUnderACeilingOfEur1000() throws Exception {
		ceiling.set("EUR 1000");
		event = events.sample("GATE");
	}

	@Test
	void aRunOverTheCeilingStopsBeforeAnyFileOrBankCallWithItsTotals() throws Exception {
		JobExecution execution = runs.run(event, "launcher").execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("AWAITING_APPROVAL");
		// Partitions (buildBatchLinesStep:partition0...) left out: the steps the run got
		// to.
		assertThat(execution.getStepExecutions()).extracting(step -> step.getStepName())
			.filteredOn(name -> !name.contains(":"))
			.containsExactly("buildBatchLinesStep", "awaitRunApprovalStep");
		assertNothingSent(execution);
		assertThat(db.payoutsWithStatus(event, "queued")).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summaries.summarize(execution).status()).isEqualTo("AWAITING_APPROVAL");

		RunApprovalView approval = approvals.ofExecution(execution.getId()).orElseThrow();
		long grossUsd = db.count("SELECT sum(l.amount_minor) FROM payout_batch_lines l JOIN payouts p"
				+ " ON p.id = l.payout_id WHERE p.liquidation_event_id = :event", event);
		Money expected = fx.convert(Money.ofMinor(grossUsd, "USD"), Currency.getInstance("EUR")).target();
		assertThat(approval.status()).isEqualTo("awaiting");
		assertThat(approval.launchedBy()).isEqualTo("launcher");
		assertThat(approval.total()).isEqualTo(RunCeiling.format(expected));
		assertThat(approval.ceiling()).isEqualTo("EUR 1,000.00");
		assertThat(approval.totals().path("currency").asString()).isEqualTo("EUR");
		assertThat(approval.totals().path("payouts").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		java.math.BigDecimal groups = java.math.BigDecimal.ZERO;
		for (var group : approval.totals().path("groups")) {
			assertThat(group.path("currency").asString()).isEqualTo("USD");
			groups = groups.add(new java.math.BigDecimal(group.path("gross").asString()));
		}
		assertThat(groups).isEqualByComparingTo(Money.ofMinor(grossUsd, "USD").toDecimal());
		assertThat(db.count("SELECT count(*) FROM audit_events WHERE action = 'run_approval_requested'"
				+ " AND run_id = (SELECT run_id FROM run_approval_requests WHERE event = :event)", event))
			.isOne();

		// A restart before any decision stops at the gate again.
		JobExecution again = runs.restart(event).execution();
		assertThat(again.getExitStatus().getExitCode()).isEqualTo("AWAITING_APPROVAL");
		assertNothingSent(again);
	}

	@Test
	void twoApproversOtherThanTheLauncherLetTheRunThrough() throws Exception {
		long id = runs.run(event, "launcher").execution().getId();

		assertThatThrownBy(() -> approvals.approve(id, "launcher", "mine"))
			.isInstanceOf(RunApprovals.RefusedException.class)
			.hasMessageContaining("launcher launched run");
		RunApprovals.Decision first = approvals.approve(id, "alice", "checked the totals");
		assertThat(first.status()).isEqualTo("awaiting");
		assertThat(first.approvals()).isOne();
		assertThatThrownBy(() -> approvals.approve(id, "alice", "again"))
			.isInstanceOf(RunApprovals.RefusedException.class)
			.hasMessageContaining("already decided");
		assertThat(runs.restart(event).execution().getExitStatus().getExitCode()).isEqualTo("AWAITING_APPROVAL");
		assertNothingSent(jobRepository.getJobExecution(id));

		RunApprovals.Decision second = approvals.approve(id, "bob", null);
		assertThat(second.status()).isEqualTo("approved");
		JobExecution resumed = approvals.resume(id).execution();

		assertThat(resumed.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summaries.summarize(resumed).created()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(approvals.ofExecution(id).orElseThrow().describe())
			.startsWith("approval approved: 2 of 2 approvals (approved by alice, approved by bob)");
		assertThatThrownBy(() -> approvals.approve(id, "carol", null)).isInstanceOf(RunApprovals.RefusedException.class)
			.hasMessageContaining("approved already");
		assertThat(db.count("SELECT count(*) FROM audit_events WHERE action = 'run_approved'"
				+ " AND run_id = (SELECT run_id FROM run_approval_requests WHERE event = :event)", event))
			.isEqualTo(2);
	}

	@Test
	void aRejectedRunNeverSendsAnythingAndGivesItsPayoutsBack() throws Exception {
		JobExecution waiting = runs.run(event, "launcher").execution();
		approvals.approve(waiting.getId(), "alice", null);

		RunApprovals.Decision rejected = approvals.reject(waiting.getId(), "bob", "wrong event");

		assertThat(rejected.status()).isEqualTo("rejected");
		JobExecution ended = jobRepository.getJobExecution(waiting.getId());
		assertThat(ended.getStatus()).isEqualTo(BatchStatus.ABANDONED);
		assertThat(ended.getExitStatus().getExitCode()).isEqualTo("REJECTED");
		assertThat(db.payoutsWithStatus(event, "queued")).isZero();
		assertThat(db.payoutsWithStatus(event, "pending")).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(db.count("SELECT count(*) FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id"
				+ " WHERE p.liquidation_event_id = :event AND l.status IN ('queued', 'sending')", event))
			.isZero();
		assertThat(db.count("SELECT count(*) FROM audit_events a JOIN payouts p ON a.entity_id = p.id::text"
				+ " WHERE a.action = 'run_rejected' AND p.liquidation_event_id = :event", event))
			.isEqualTo(SampleEvent.ELIGIBLE);
		assertThatThrownBy(() -> approvals.approve(waiting.getId(), "carol", null))
			.isInstanceOf(RunApprovals.RefusedException.class)
			.hasMessageContaining("rejected already");

		// Neither restarting nor running the event again sends what was rejected.
		assertThat(runs.restart(event).outcome()).isEqualTo(PayoutRunOperations.Outcome.NOT_RESUMABLE);
		assertThat(runs.run(event).outcome()).isEqualTo(PayoutRunOperations.Outcome.NOT_RESUMABLE);
		assertNothingSent(ended);
		assertThat(db.bankOrders(event)).isZero();

		// A deliberate rerun is a new run: over the ceiling, it waits for its own
		// approval.
		JobExecution rerun = runs.rerun(event, "launcher").execution();
		assertThat(rerun.getExitStatus().getExitCode()).isEqualTo("AWAITING_APPROVAL");
		assertThat(db.bankOrders(event)).isZero();
		assertThat(approvals.ofExecution(rerun.getId()).orElseThrow().isAwaiting()).isTrue();
	}

	/**
	 * A run that stopped or died while building its lines never reached its gate: its
	 * lines wait for that run's own resumption, which judges its whole total. A rerun
	 * (whose submit step reads every queued line of the event) is refused until then.
	 */
	@Test
	void linesOfARunThatNeverReachedItsGateAreSentByNoOtherRun() throws Exception {
		JobExecution stopped = runs.run(event, "launcher").execution();
		long runId = stopped.getJobInstance().getInstanceId();
		// The state a kill during buildBatchLinesStep leaves: lines queued, no request,
		// no pass. The request is append-only, so the test removes it with its triggers
		// off.
		jdbc.sql("""
				DO $$ BEGIN
				  PERFORM set_config('session_replication_role', 'replica', true);
				  DELETE FROM run_approval_requests WHERE run_id = %d;
				END $$""".formatted(runId)).update();

		assertThatThrownBy(() -> runs.rerun(event, "someone"))
			.isInstanceOf(PayoutRunOperations.RunNotPastItsGateException.class)
			.hasMessageContaining("resume it with restart --event " + event);
		assertNothingSent(stopped);

		JobExecution resumed = runs.restart(event).execution();
		assertThat(resumed.getExitStatus().getExitCode()).as("judged on its whole total")
			.isEqualTo("AWAITING_APPROVAL");
		assertNothingSent(resumed);
	}

	private void assertNothingSent(JobExecution execution) throws java.io.IOException {
		assertThat(
				db.count(
						"SELECT count(*) FROM payment_submissions s JOIN payout_batch_lines l ON l.id = s.batch_line_id"
								+ " JOIN payouts p ON p.id = l.payout_id" + " WHERE p.liquidation_event_id = :event",
						event))
			.isZero();
		assertThat(db.bankOrders(event)).isZero();
		assertThat(db.count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event"
				+ " AND status IN ('sending', 'sent')", event))
			.isZero();
		// Report directories are named by execution id, which restarts with a fresh test
		// database: a file left by an earlier test run is not this execution's.
		java.nio.file.Path report = java.nio.file.Path.of("target/test-reports", Long.toString(execution.getId()),
				"skips.csv");
		assertThat(!java.nio.file.Files.exists(report) || java.nio.file.Files.getLastModifiedTime(report)
			.toInstant()
			.isBefore(execution.getCreateTime().atZone(java.time.ZoneId.systemDefault()).toInstant()))
			.as("no skip report written by execution " + execution.getId())
			.isTrue();
	}

}
