package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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
import com.payoutrunner.support.PrivateRabbitNode;
import com.payoutrunner.support.RunnerProcess;
import com.payoutrunner.support.SampleEvent;

/**
 * The broker (a node of the test's own, {@link PrivateRabbitNode}) goes away during a
 * remote run and comes back; the run completes with every payout paid exactly once.
 */
@Tag("process")
class BrokerRestartIntegrationTests extends PostgresIntegrationTest {

	static final int PAYOUTS = 8_000;

	static final int GRID_SIZE = 4;

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

	final String queuePrefix = "payout-runner-restart-" + System.nanoTime();

	final String queue = queuePrefix + ".partition-requests";

	/**
	 * With one worker taking one partition at a time, the submit step's other requests
	 * wait on the queue when the broker stops and starts again. The worker says it lost
	 * the broker and found it again, the request it was running when the broker went is
	 * delivered again and skipped (its partition had ended), the waiting ones run.
	 */
	@Test
	void requestsWaitingOnTheQueueSurviveABrokerRestart() throws Exception {
		String databaseUrl = environment.getProperty("spring.datasource.url");
		try (PrivateRabbitNode broker = PrivateRabbitNode.start();
				SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			String bankUrl = bank.url().toString();
			RunnerProcess worker = RunnerProcess.start(databaseUrl, bankUrl, 500, settings(broker), "worker", "--name",
					"worker-r", "--concurrency", "1");
			try {
				Path file = Files.createDirectories(Path.of("target/broker-restart")).resolve("payouts.csv");
				SyntheticPayoutFile.write(SampleEvent.FILE, file, PAYOUTS);
				String event = events.file("RESTART", file);
				// At the first bulk of the submit step, one request runs and the others
				// wait on the queue: the broker restarts then, while the bank holds that
				// bulk's answer (so the partition outlives the broker's absence).
				AtomicBoolean restarted = new AtomicBoolean();
				CompletableFuture<Long> waitingAtRestart = new CompletableFuture<>();
				bank.afterBulkStored(size -> {
					if (restarted.compareAndSet(false, true)) {
						try {
							waitingAtRestart.complete(broker.readyMessages(queue));
							broker.restart();
						}
						catch (Exception ex) {
							waitingAtRestart.completeExceptionally(ex);
						}
					}
				});

				RunnerProcess manager = RunnerProcess.start(databaseUrl, bankUrl, 500, settings(broker), "run",
						"--event", event);

				assertThat(manager.waitForExit()).as(manager.stderr()).isZero();
				// Usually all three others; at least one, or the restart proved nothing.
				assertThat(waitingAtRestart.join()).as("requests waiting on the queue when the broker stopped")
					.isBetween(1L, (long) GRID_SIZE - 1);
				assertEveryonePaidOnce(event, manager);
				assertThat(worker.stderr() + worker.stdout())
					.contains("worker worker-r: lost RabbitMQ at 127.0.0.1:" + broker.port())
					.contains("worker worker-r: connected to RabbitMQ at 127.0.0.1:" + broker.port() + " again")
					.contains("request delivered again, acknowledged and skipped");
			}
			finally {
				worker.kill();
			}
		}
	}

	/**
	 * The broker is away when the run starts: the manager keeps trying to send its
	 * requests (and says so), the worker to reach the broker (and says so); once the
	 * broker is back both go on, and the run completes.
	 */
	@Test
	void aRunStartedWhileTheBrokerIsAwaySendsItsRequestsWhenItComesBack() throws Exception {
		String databaseUrl = environment.getProperty("spring.datasource.url");
		try (PrivateRabbitNode broker = PrivateRabbitNode.start();
				SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			String bankUrl = bank.url().toString();
			Path file = Files.createDirectories(Path.of("target/broker-restart")).resolve("payouts-away.csv");
			SyntheticPayoutFile.write(SampleEvent.FILE, file, 2_000);
			String event = events.file("AWAY", file);
			broker.stop();
			RunnerProcess worker = RunnerProcess.start(databaseUrl, bankUrl, 500, settings(broker), "worker", "--name",
					"worker-w");
			try {
				RunnerProcess manager = RunnerProcess.start(databaseUrl, bankUrl, 500, settings(broker), "run",
						"--event", event);
				manager.awaitOutput("manager: cannot put a partition request on queue " + queue);
				worker.awaitOutput("worker worker-w: cannot reach RabbitMQ at 127.0.0.1:" + broker.port());

				broker.startAgain();

				assertThat(manager.waitForExit()).as(manager.stderr()).isZero();
				assertEveryonePaidOnce(event, manager);
				assertThat(worker.stderr() + worker.stdout())
					.contains("worker worker-w: connected to RabbitMQ at 127.0.0.1:" + broker.port() + " again");
			}
			finally {
				worker.kill();
			}
		}
	}

	private List<String> settings(PrivateRabbitNode broker) {
		return List.of("payout.partitioning.mode=remote", "payout.partitioning.grid-size=" + GRID_SIZE,
				"payout.partitioning.queue-prefix=" + queuePrefix, "payout.partitioning.poll-interval=500ms",
				"spring.rabbitmq.port=" + broker.port(),
				// The bank holds one answer while the broker restarts.
				"payout.bank.request-timeout=120s");
	}

	private void assertEveryonePaidOnce(String event, RunnerProcess manager) throws Exception {
		JsonNode summary = json.readTree(manager.lastLine());
		assertThat(summary.path("status").asString()).isEqualTo("COMPLETED");
		long created = summary.path("created").asLong();
		assertThat(created).isPositive();
		assertThat(created + summary.path("skipped").asLong()).isEqualTo(db.payouts(event));
		assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(created);
		assertThat(db.bankOrders(event)).as("bank orders, one per paid payout").isEqualTo(created);
		assertThat(db.invariantViolations(event)).isEmpty();
		assertThat(submitPartitions(event)).as("every submit partition ran once")
			.hasSize(GRID_SIZE)
			.allMatch("COMPLETED"::equals);
	}

	private List<String> submitPartitions(String event) {
		return jdbc.sql("""
				SELECT s.status FROM batch_step_execution s
				JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
				     AND p.parameter_name = 'event' AND p.parameter_value = :event
				WHERE s.step_name LIKE 'submitBatchLinesStep:partition%'""")
			.param("event", event)
			.query(String.class)
			.list();
	}

}
