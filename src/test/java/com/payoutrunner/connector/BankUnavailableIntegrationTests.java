package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.batching.RunSummary;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestSandboxBank;

/**
 * A bank that cannot be reached: every submission fails as data, nothing is lost, each
 * payout waits its resubmission delay (1 min, 5 min, 20 min, 1 h, 6 h, on a clock the
 * test moves), and after the sixth failure it is in the dead-letter queue until an
 * operator acts.
 */
class BankUnavailableIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	TestSandboxBank bank;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	DeadLetterQueue deadLetters;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	String event;

	@BeforeEach
	void importSampleWithTheBankDownAndTheClockStopped() throws Exception {
		bank.makeUnreachable();
		clock.stop();
		event = events.sample("DOWN");
	}

	@Test
	void failedSubmissionsAreCountedReportedAndDueAgainAfterTheirDelay() throws Exception {
		Instant dueAgain = clock.instant().plus(Duration.ofMinutes(1));

		var execution = runs.run(event).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		RunSummary summary = summaries.summarize(execution);
		assertThat(summary.created()).isZero();
		assertThat(summary.failed()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summary.failedBreakdown()).containsEntry("bank_unavailable", (long) SampleEvent.ELIGIBLE);
		assertThat(db.payoutsWithStatus(event, "failed")).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(jdbc
			.sql("""
					SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status = 'failed'
					AND failed_attempts = 1 AND next_attempt_at = :dueAgain AND last_error LIKE 'cannot connect to the bank%'""")
			.param("event", event)
			.param("dueAgain", java.sql.Timestamp.from(dueAgain))
			.query(Long.class)
			.single()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(Files.readAllLines(Path.of(summary.skipReport())))
			.filteredOn(line -> line.contains(",bank_unavailable,cannot connect to the bank"))
			.hasSize(SampleEvent.ELIGIBLE);

		RunSummary tooEarly = summaries.summarize(runs.rerun(event).execution());

		assertThat(tooEarly.skipBreakdown()).containsEntry("retry_not_due", (long) SampleEvent.ELIGIBLE);
		assertThat(tooEarly.failed()).isZero();
	}

	@Test
	void theSixthFailurePutsAPayoutInTheDeadLetterQueueUntilAnOperatorActs() throws Exception {
		runs.run(event);
		for (Duration delay : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(20),
				Duration.ofHours(1), Duration.ofHours(6))) {
			assertThat(db.payoutsWithStatus(event, "failed")).isEqualTo(SampleEvent.ELIGIBLE);
			clock.advance(delay);
			runs.rerun(event);
		}

		assertThat(db.payoutsWithStatus(event, "dead_letter")).isEqualTo(SampleEvent.ELIGIBLE);
		List<DeadLetterQueue.Entry> queue = deadLetters.list(event);
		assertThat(queue).hasSize(SampleEvent.ELIGIBLE)
			.allSatisfy(entry -> assertThat(entry.failedAttempts()).isEqualTo(6));
		RunSummary afterwards = summaries.summarize(runs.rerun(event).execution());
		assertThat(afterwards.skipBreakdown()).containsEntry("dead_letter", (long) SampleEvent.ELIGIBLE);

		long retried = queue.get(0).id();
		long cancelled = queue.get(1).id();
		deadLetters.retry(retried, "alice");
		deadLetters.cancel(cancelled, "bob");

		assertThat(jdbc.sql("SELECT status || '/' || failed_attempts FROM payouts WHERE id IN (:a, :b) ORDER BY id")
			.param("a", retried)
			.param("b", cancelled)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("pending/0", "cancelled/6");
		assertThat(jdbc.sql("""
				SELECT action || ' by ' || actor FROM audit_events WHERE entity_type = 'payout'
				AND entity_id IN (:a, :b) AND action IN ('dlq_retry', 'cancelled') ORDER BY id""")
			.param("a", String.valueOf(retried))
			.param("b", String.valueOf(cancelled))
			.query(String.class)
			.list()).containsExactly("dlq_retry by operator:alice", "cancelled by operator:bob");
		assertThat(db.count("""
				SELECT count(*) FROM audit_events a JOIN payouts p ON a.entity_id = p.id::text
				WHERE p.liquidation_event_id = :event AND a.action = 'submission_failed'""", event))
			.isEqualTo(5L * SampleEvent.ELIGIBLE);
		assertThatThrownBy(() -> deadLetters.retry(cancelled, "alice")).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("payout " + cancelled + " is cancelled, not dead_letter: nothing done");
	}

}
