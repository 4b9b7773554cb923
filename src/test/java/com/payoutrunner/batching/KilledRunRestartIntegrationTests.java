package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.intake.SyntheticPayoutFile;
import com.payoutrunner.sandboxbank.SandboxBankServer;
import com.payoutrunner.sandboxbank.SandboxBankStore;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.RunnerProcess;
import com.payoutrunner.support.SampleEvent;

/**
 * kill -9 of the runner in the middle of the submit step, then {@code restart}: the run
 * completes, every payout ends with exactly one payment order or one skip, and the bank
 * (running here, in the test's JVM, so that killing the runner does not kill it) never
 * saw a key with two bodies nor made a second order.
 */
// Child JVMs killed and restarted: the integration phase of verify (Failsafe), not ./mvnw
// test.
@Tag("process")
class KilledRunRestartIntegrationTests extends PostgresIntegrationTest {

	static final int CHUNK_SIZE = 5;

	@Autowired
	ImportedEvents events;

	@Autowired
	SandboxBankStore bankStore;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Autowired
	Environment environment;

	@TempDir
	Path dir;

	@ParameterizedTest(name = "killed when bulk {1} {0}")
	@CsvSource({ "arrives (before the bank stores it), 1", "arrives (before the bank stores it), 6",
			"is stored (the answer is lost), 1", "is stored (the answer is lost), 4",
			"is stored (the answer is lost), 9" })
	void aKilledRunRestartsAndPaysNoOneTwice(String moment, int killAtBulk) throws Exception {
		String event = events.sample("KILL");
		String databaseUrl = environment.getProperty("spring.datasource.url");

		try (SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			AtomicReference<RunnerProcess> runner = new AtomicReference<>();
			AtomicInteger bulks = new AtomicInteger();
			boolean beforeStore = moment.startsWith("arrives");
			IntConsumer killer = size -> {
				if (bulks.incrementAndGet() == killAtBulk) {
					runner.get().kill();
					if (beforeStore) {
						throw new IllegalStateException("the runner died before the bank processed its bulk");
					}
				}
			};
			if (beforeStore) {
				bank.beforeBulkStored(killer);
			}
			else {
				bank.afterBulkStored(killer);
			}

			runner.set(RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE, "run", "--event", event));
			int killedExit = runner.get().waitForExit();

			assertThat(killedExit).as("exit code of the killed runner (137 = SIGKILL)").isEqualTo(137);
			// The run's submit step runs two partitions at once (payout.partitioning):
			// the
			// other one may have had its bulk on the way when the kill landed.
			assertThat(bulks.get()).isBetween(killAtBulk, killAtBulk + 1);
			assertThat(lastRunStatus(event)).isEqualTo("STARTED");

			bank.beforeBulkStored(size -> {
			});
			bank.afterBulkStored(size -> {
			});
			RunnerProcess restart = RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE, "restart",
					"--event", event);

			assertThat(restart.waitForExit()).as(restart.stderr()).isZero();
			JsonNode summary = json.readTree(restart.lastLine());
			assertThat(summary.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(summary.path("created").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
			assertThat(summary.path("skipped").asLong()).isEqualTo(SampleEvent.INELIGIBLE);
			assertThat(summary.path("unconfirmed").asLong()).isZero();
			assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(SampleEvent.ELIGIBLE);
			assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
			assertThat(db.invariantViolations(event)).isEmpty();
			assertThat(skipRecords(event)).isEqualTo(SampleEvent.INELIGIBLE);
		}
	}

	@Test
	void tenKillsAtSeededRandomPointsOfTheSubmitStepStillPayEveryoneExactlyOnce() throws Exception {
		Path file = dir.resolve("kill10.csv");
		SyntheticPayoutFile.write(SampleEvent.FILE, file, 600);
		String event = events.file("KILL10", file);
		String databaseUrl = environment.getProperty("spring.datasource.url");
		Random random = new Random(20261121);

		try (SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			List<String> killPoints = new ArrayList<>();
			for (int kill = 1; kill <= 10; kill++) {
				int killAtBulk = 1 + random.nextInt(6);
				boolean beforeStore = random.nextBoolean();
				AtomicReference<RunnerProcess> runner = new AtomicReference<>();
				AtomicInteger bulks = new AtomicInteger();
				IntConsumer killer = size -> {
					if (bulks.incrementAndGet() == killAtBulk) {
						runner.get().kill();
						if (beforeStore) {
							throw new IllegalStateException("the runner died before the bank processed its bulk");
						}
					}
				};
				bank.beforeBulkStored(beforeStore ? killer : size -> {
				});
				bank.afterBulkStored(beforeStore ? size -> {
				} : killer);
				runner.set(RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE,
						kill == 1 ? "run" : "restart", "--event", event));

				assertThat(runner.get().waitForExit()).as("kill %d", kill).isEqualTo(137);
				killPoints.add((beforeStore ? "before" : "after") + " bulk " + killAtBulk);
				assertThat(db.invariantViolations(event, false)).as("after kill %d", kill).isEmpty();
			}
			bank.beforeBulkStored(size -> {
			});
			bank.afterBulkStored(size -> {
			});

			RunnerProcess last = RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE, "restart",
					"--event", event);

			assertThat(last.waitForExit()).as(last.stderr()).isZero();
			assertThat(json.readTree(last.lastLine()).path("status").asString()).isEqualTo("COMPLETED");
			assertThat(db.invariantViolations(event)).isEmpty();
			long skipped = db.payoutsWithStatus(event, "pending");
			assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(600 - skipped);
			assertThat(db.bankOrders(event)).isEqualTo(600 - skipped);
			System.out.println("killed at " + killPoints);
		}
	}

	@Test
	void sigtermStopsTheRunAtAChunkBoundaryAndRestartFinishesIt() throws Exception {
		String event = events.sample("TERM");
		String databaseUrl = environment.getProperty("spring.datasource.url");

		try (SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			AtomicReference<RunnerProcess> runner = new AtomicReference<>();
			AtomicInteger bulks = new AtomicInteger();
			bank.afterBulkStored(size -> {
				if (bulks.incrementAndGet() == 3) {
					runner.get().terminate();
				}
			});
			runner.set(RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE, "run", "--event", event));

			assertThat(runner.get().waitForExit()).as("a stopped run exits 1, as documented").isEqualTo(1);
			assertThat(lastRunStatus(event)).isEqualTo("STOPPED");
			assertThat(json.readTree(runner.get().lastLine()).path("status").asString())
				.as("the summary is the last line of stdout")
				.isEqualTo("STOPPED");
			assertThat(runner.get().stderr()).contains("stopped at a chunk boundary; resume it with restart");
			assertThat(db.invariantViolations(event, false)).isEmpty();
			long paidBeforeStop = db.payoutsWithStatus(event, "sent");
			assertThat(paidBeforeStop).isBetween(15L, 45L);
			assertThat(db.payoutsWithStatus(event, "sending")).as("nothing left in doubt by a graceful stop").isZero();

			bank.afterBulkStored(size -> {
			});
			RunnerProcess restart = RunnerProcess.start(databaseUrl, bank.url().toString(), CHUNK_SIZE, "restart",
					"--event", event);

			assertThat(restart.waitForExit()).as(restart.stderr()).isZero();
			assertThat(db.invariantViolations(event)).isEmpty();
			assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(SampleEvent.ELIGIBLE);
			assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		}
	}

	private String lastRunStatus(String event) {
		return jdbc.sql("""
				SELECT e.status FROM batch_job_execution e
				JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				     AND p.parameter_name = 'event' AND p.parameter_value = :event
				JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id AND i.job_name = 'payoutRunJob'
				ORDER BY e.job_execution_id DESC LIMIT 1""").param("event", event).query(String.class).single();
	}

	private long skipRecords(String event) {
		return jdbc.sql("""
				SELECT count(*) FROM skip_records s JOIN payouts p ON p.id = s.payout_id
				WHERE p.liquidation_event_id = :event""").param("event", event).query(Long.class).single();
	}

}
