package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.intake.SyntheticPayoutFile;
import com.payoutrunner.report.ExecutionHistory;
import com.payoutrunner.sandboxbank.SandboxBankServer;
import com.payoutrunner.sandboxbank.SandboxBankStore;
import com.payoutrunner.support.FreePorts;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.RunnerProcess;
import com.payoutrunner.support.SampleEvent;

/**
 * Remote partitioning end to end, with RabbitMQ on 127.0.0.1:5672: a manager ({@code run}
 * in remote mode) and two worker JVMs run an event of 50,000 payouts; one worker is
 * killed with SIGKILL in the middle of a submit partition. The manager notices through
 * the job repository (its heartbeat goes quiet), fails that partition and the run;
 * {@code restart} runs only that partition again, on the surviving worker. Every payout
 * ends with exactly one outcome, the bank (in the test's JVM, so that the kill does not
 * touch it) holds exactly one order per paid payout, and both workers ran partitions; the
 * surviving worker's management port shows its health and its partitions' step meters.
 */
@Tag("process")
class RemotePartitionsIntegrationTests extends PostgresIntegrationTest {

	static final int PAYOUTS = 50_000;

	static final int CHUNK_SIZE = 500;

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

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	ExecutionHistory history;

	final List<RunnerProcess> workers = new ArrayList<>();

	final String queuePrefix = "payout-runner-test-" + System.nanoTime();

	@AfterEach
	void stopWorkersAndDropTheQueue() {
		workers.forEach(RunnerProcess::kill);
		amqp.deleteQueue(queuePrefix + ".partition-requests");
	}

	@Test
	void aWorkerKilledMidPartitionIsNoticedAndRestartPaysEveryoneExactlyOnce() throws Exception {
		String databaseUrl = environment.getProperty("spring.datasource.url");

		try (SandboxBankServer bank = new SandboxBankServer(bankStore, json, "127.0.0.1", 0).start()) {
			String bankUrl = bank.url().toString();
			// Started first: they boot while the event is generated and imported.
			RunnerProcess workerA = worker(databaseUrl, bankUrl, "worker-a");
			int managementPort = FreePorts.next();
			RunnerProcess workerB = worker(databaseUrl, bankUrl, "worker-b", "--management-port",
					String.valueOf(managementPort));
			Path file = Files.createDirectories(Path.of("target/remote-partitions")).resolve("payouts-50000.csv");
			SyntheticPayoutFile.write(SampleEvent.FILE, file, PAYOUTS);
			String event = events.file("REMOTE", file);
			// Killed in the middle of the submit step: both workers are then in a submit
			// partition (each has about 24 bulks of 500 to send).
			AtomicInteger bulks = new AtomicInteger();
			bank.afterBulkStored(size -> {
				if (bulks.incrementAndGet() == 12) {
					workerA.kill();
				}
			});

			RunnerProcess manager = manager(databaseUrl, bankUrl, "run", "--event", event);

			assertThat(manager.waitForExit()).as("the run fails: one partition lost its worker").isEqualTo(1);
			assertThat(json.readTree(manager.lastLine()).path("status").asString()).isEqualTo("FAILED");
			assertThat(partitionStatuses(event)).contains("submitBatchLinesStep:FAILED");
			assertThat(exitDescriptions(event))
				.anySatisfy(description -> assertThat(description).contains("worker worker-a").contains("heartbeat"));
			assertThat(db.invariantViolations(event, false)).isEmpty();

			bank.afterBulkStored(size -> {
			});
			RunnerProcess restart = manager(databaseUrl, bankUrl, "restart", "--event", event);

			assertThat(restart.waitForExit()).as(restart.stderr()).isZero();
			JsonNode summary = json.readTree(restart.lastLine());
			assertThat(summary.path("status").asString()).isEqualTo("COMPLETED");
			long created = summary.path("created").asLong();
			assertThat(created + summary.path("skipped").asLong()).isEqualTo(PAYOUTS);
			assertThat(summary.path("failed").asLong() + summary.path("unconfirmed").asLong()).isZero();
			assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(created);
			assertThat(db.bankOrders(event)).as("bank orders, one per paid payout").isEqualTo(created);
			assertThat(db.invariantViolations(event)).isEmpty();
			assertThat(restartedPartitions(event)).as("restart ran only the failed partition").isEqualTo(1);
			assertThat(workerNames(event)).contains("worker-a", "worker-b");
			assertThat(workerB.stdout()).contains("worker worker-b listening for partitions");
			assertWorkerMetrics(managementPort);
		}
	}

	/**
	 * The surviving worker's management port: its health for probes, and Spring Batch's
	 * step meters of the partitions it ran, tagged with its name.
	 */
	private void assertWorkerMetrics(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI base = URI.create("http://127.0.0.1:" + port);
		HttpResponse<String> health = get(http, base.resolve("/actuator/health"));
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(json.readTree(health.body()).path("status").asString()).isEqualTo("UP");
		HttpResponse<String> steps = get(http, base.resolve("/actuator/metrics/spring.batch.step?tag=worker:worker-b"));
		assertThat(steps.statusCode()).as(steps.body()).isEqualTo(200);
		JsonNode meter = json.readTree(steps.body());
		assertThat(meter.path("measurements").get(0).path("value").asDouble()).as("partitions timed").isPositive();
		assertThat(meter.path("availableTags").toString()).contains("submitBatchLinesStep:partition");
		assertThat(get(http, base.resolve("/actuator/metrics/spring.batch.step?tag=worker:worker-a")).statusCode())
			.as("no meter of another worker here")
			.isEqualTo(404);
		assertThat(get(http, base.resolve("/actuator/metrics/spring.batch.step?size=1")).statusCode()).isEqualTo(400);
		assertThat(get(http, base.resolve("/actuator/env")).statusCode()).isEqualTo(404);
	}

	private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
		return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	private RunnerProcess worker(String databaseUrl, String bankUrl, String name, String... options) throws Exception {
		List<String> command = new ArrayList<>(List.of("worker", "--name", name));
		command.addAll(List.of(options));
		RunnerProcess worker = RunnerProcess.start(databaseUrl, bankUrl, CHUNK_SIZE, settings(),
				command.toArray(String[]::new));
		workers.add(worker);
		return worker;
	}

	private RunnerProcess manager(String databaseUrl, String bankUrl, String... command) throws Exception {
		return RunnerProcess.start(databaseUrl, bankUrl, CHUNK_SIZE, settings(), command);
	}

	private List<String> settings() {
		return List.of("payout.partitioning.mode=remote", "payout.partitioning.grid-size=" + GRID_SIZE,
				"payout.partitioning.queue-prefix=" + queuePrefix, "payout.partitioning.worker-timeout=6s",
				"payout.partitioning.poll-interval=500ms");
	}

	/** "step:STATUS" of every partition step execution of the event's runs. */
	private List<String> partitionStatuses(String event) {
		return jdbc.sql(PARTITIONS.formatted("split_part(s.step_name, ':', 1) || ':' || s.status"))
			.param("event", event)
			.query(String.class)
			.list();
	}

	private List<String> exitDescriptions(String event) {
		return jdbc.sql(PARTITIONS.formatted("coalesce(s.exit_message, '')"))
			.param("event", event)
			.query(String.class)
			.list();
	}

	private long restartedPartitions(String event) {
		return jdbc.sql("""
				SELECT count(*) FROM batch_step_execution s
				WHERE s.step_name LIKE '%:partition%' AND s.job_execution_id = (
				    SELECT max(e.job_execution_id) FROM batch_job_execution e
				    JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
				         AND p.parameter_name = 'event' AND p.parameter_value = :event)""")
			.param("event", event)
			.query(Long.class)
			.single();
	}

	/**
	 * The workers the partitions of the event's runs name, as status and the API show
	 * them.
	 */
	private List<String> workerNames(String event) {
		return history.executionsOf(event)
			.stream()
			.flatMap(execution -> execution.steps().stream())
			.flatMap(step -> step.partitions().stream())
			.map(ExecutionHistory.Partition::worker)
			.distinct()
			.toList();
	}

	private static final String PARTITIONS = """
			SELECT %s FROM batch_step_execution s
			JOIN batch_job_execution_params p ON p.job_execution_id = s.job_execution_id
			     AND p.parameter_name = 'event' AND p.parameter_value = :event
			WHERE s.step_name LIKE '%%:partition%%'
			ORDER BY s.step_execution_id""";

}
