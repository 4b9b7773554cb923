package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.payout.EventLock;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;
import com.payoutrunner.support.TestEvents;
import com.payoutrunner.support.TestRunCeiling;

/**
 * Scheduled runs: a slot picks up the open payouts of every event that match its
 * priorities, runs once however often it fires, and leaves the rest for their own
 * schedules. On a database of their own, since they read every event.
 */
class ScheduledRunIntegrationTests extends ScheduledRunsIntegrationTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Autowired
	TestRunCeiling ceiling;

	/**
	 * A slot without filters reads every open payout the other tests left in this
	 * database: their total, over any fixed run ceiling, is not what these tests are
	 * about (the gate has its own tests).
	 */
	@BeforeEach
	void turnTheRunCeilingOff() {
		ceiling.turnOff();
	}

	@Test
	void aSlotPaysTheOpenPayoutsOfItsPrioritiesAcrossEventsAndRunsOnce() throws Exception {
		String first = events.sample("SCHED");
		String second = events.sample("SCHED");
		String schedule = TestEvents.unique("daily-priority");

		var result = runs
			.runSlot(new ScheduledRun(schedule, "2026-11-23", List.of("priority"), List.of(), List.of(), MONDAY));

		assertThat(result.outcome()).isEqualTo(PayoutRunOperations.Outcome.RAN);
		assertThat(result.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (String event : List.of(first, second)) {
			assertThat(sentWithPriority(event, "priority")).isEqualTo(payoutsWithPriority(event, "priority"))
				.isPositive();
			assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(sentWithPriority(event, "priority"));
		}

		var again = runs
			.runSlot(new ScheduledRun(schedule, "2026-11-23", List.of("priority"), List.of(), List.of(), MONDAY));

		assertThat(again.outcome()).isEqualTo(PayoutRunOperations.Outcome.ALREADY_COMPLETED);
		assertThat(again.message()).contains("already done");
		assertThat(again.execution().getId()).isEqualTo(result.execution().getId());

		var nextSlot = runs.runSlot(new ScheduledRun(schedule, "2026-11-24", List.of("priority"), List.of(), List.of(),
				MONDAY.plusDays(1)));

		assertThat(nextSlot.outcome()).isEqualTo(PayoutRunOperations.Outcome.RAN);
		assertThat(db.payoutsWithStatus(first, "sent")).as("nothing paid twice")
			.isEqualTo(sentWithPriority(first, "priority"));
		assertThat(db.count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status = 'pending'"
				+ " AND skip_reason IS NULL AND priority <> 'priority'", first))
			.as("other priorities left for their own schedules")
			.isEqualTo(db.count(
					"SELECT count(*) FROM payouts WHERE liquidation_event_id = :event" + " AND priority <> 'priority'",
					first));
	}

	@Test
	void aDoubleFireOfOneSlotRunsItOnce() throws Exception {
		String event = events.sample("SCHED");
		String schedule = TestEvents.unique("asap-instant");
		ScheduledRun slot = new ScheduledRun(schedule, "2026-11-23T10:15", List.of("instant"), List.of(), List.of(),
				MONDAY);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> fires = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Callable<String> fire = () -> {
				try {
					return runs.runSlot(slot).outcome().name();
				}
				catch (EventLock.EventBusyException busy) {
					return "BUSY";
				}
			};
			fires.add(pool.submit(fire));
		}
		List<String> outcomes = new ArrayList<>();
		for (var fire : fires) {
			outcomes.add(fire.get());
		}
		pool.shutdown();

		assertThat(outcomes).containsOnlyOnce("RAN").hasSize(2);
		assertThat(jdbc.sql("""
				SELECT count(DISTINCT i.job_instance_id) FROM batch_job_instance i
				JOIN batch_job_execution e ON e.job_instance_id = i.job_instance_id
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				WHERE p.parameter_name = 'schedule' AND p.parameter_value = :schedule""")
			.param("schedule", schedule)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(sentWithPriority(event, "instant")).isEqualTo(payoutsWithPriority(event, "instant"));
	}

	@Test
	void aScheduledRunWithoutFiltersLeavesPaidPayoutsAlone() throws Exception {
		String event = events.sample("SCHED");
		runs.run(event);
		long sent = db.payoutsWithStatus(event, "sent");

		var result = runs
			.runSlot(new ScheduledRun(TestEvents.unique("sweep"), "2026-11", List.of(), List.of(), List.of(), MONDAY));

		assertThat(result.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(sent);
		assertThat(db.invariantViolations(event)).isEmpty();
	}

	/** The payouts of that priority the run found nothing wrong with (after the run). */
	private long payoutsWithPriority(String event, String priority) {
		return db.count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND priority = '" + priority
				+ "' AND skip_reason IS NULL", event);
	}

	private long sentWithPriority(String event, String priority) {
		return db.count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status = 'sent'"
				+ " AND priority = '" + priority + "'", event);
	}

}
