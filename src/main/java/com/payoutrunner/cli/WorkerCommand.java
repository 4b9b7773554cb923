package com.payoutrunner.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.PayoutRunnerApplication;
import com.payoutrunner.config.DatabaseCreator;
import com.payoutrunner.partitioning.PartitionWorker;

@Command(name = "worker", mixinStandardHelpOptions = true,
		description = {
				"Runs the partitions of payout runs that a manager (run, restart, serve in "
						+ "payout.partitioning.mode=remote) sends through RabbitMQ, until stopped (docs/scale-out.md).",
				"Each partition runs with the same steps as a local run, against the shared database; the worker "
						+ "records its name in the partitions it runs and beats a heartbeat while they run.",
				"No web server, no scheduler. A broker or database that cannot be reached is reported and tried "
						+ "again every 5 s.",
				"SIGTERM: no new partitions; running ones stop at their next chunk boundary (STOPPED, restartable)." })
class WorkerCommand implements Callable<Integer> {

	private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

	private static final Duration RETRY = Duration.ofSeconds(5);

	@Option(names = "--concurrency", defaultValue = "1",
			description = "partitions this worker runs at once (default ${DEFAULT-VALUE})")
	int concurrency;

	@Option(names = "--name", description = "how the worker names itself in the partitions it runs (default: host:pid)")
	String name;

	@Option(names = { "--management-port", "--health-port" },
			description = "answer GET /actuator/health (Actuator's health: database, broker; for container probes) and "
					+ "/actuator/metrics[/{name}] (this worker's meters, tagged worker) on this port")
	Integer managementPort;

	@Option(names = "--management-address", defaultValue = "0.0.0.0",
			description = "the address the management port listens on (default ${DEFAULT-VALUE}: every interface, "
					+ "for probes from outside the container; 127.0.0.1 keeps it on the machine)")
	String managementAddress;

	@Override
	public Integer call() throws Exception {
		if (concurrency < 1 || concurrency > 64) {
			throw new IllegalArgumentException("--concurrency must be between 1 and 64, got " + concurrency);
		}
		ConfigurableApplicationContext context = startWhenTheDatabaseAnswers();
		PartitionWorker worker = context.getBean(PartitionWorker.class);
		WorkerActuatorServer actuator = managementPort == null ? null
				: WorkerActuatorServer.start(managementAddress, managementPort, context.getBean(HealthEndpoint.class),
						new MetricsEndpoint(context.getBean(MeterRegistry.class)), context.getBean(JsonMapper.class));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				if (!worker.stop(Duration.ofMinutes(2))) {
					log.error("partitions were still running after 2 minutes; the manager will fail them");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				if (actuator != null) {
					actuator.close();
				}
				context.close();
				stopped.countDown();
			}
		}, "worker-shutdown"));
		System.out.println("payout-runner worker " + worker.name() + " listening for partitions on queue "
				+ worker.queue() + " at " + context.getEnvironment().getProperty("spring.rabbitmq.host") + ":"
				+ context.getEnvironment().getProperty("spring.rabbitmq.port") + " (concurrency " + concurrency + ")");
		System.out.flush();
		stopped.await();
		return PayoutRunnerCli.COMPLETED;
	}

	/**
	 * A worker started before its database (a cluster coming up, a database restart)
	 * waits for it rather than exiting in a loop of crashes.
	 */
	private ConfigurableApplicationContext startWhenTheDatabaseAnswers() throws InterruptedException {
		while (true) {
			try {
				return new SpringApplicationBuilder(PayoutRunnerApplication.class).web(WebApplicationType.NONE)
					.bannerMode(Banner.Mode.OFF)
					.logStartupInfo(false)
					.registerShutdownHook(false)
					// As arguments, so that they win over application.yaml.
					.run(arguments());
			}
			catch (RuntimeException ex) {
				if (!databaseUnreachable(ex)) {
					throw ex;
				}
				System.err.println("payout-runner worker: cannot reach the database (" + Failures.oneLine(ex)
						+ "); trying again in " + RETRY.toSeconds() + " s");
				Thread.sleep(RETRY.toMillis());
			}
		}
	}

	private String[] arguments() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("payout.partitioning.worker.enabled", "true");
		properties.put("payout.partitioning.worker.concurrency", Integer.toString(concurrency));
		// The broker is what a worker lives on: its health says so.
		properties.put("management.health.rabbit.enabled", "true");
		if (name != null && !name.isBlank()) {
			properties.put("payout.partitioning.worker-name", name);
		}
		return properties.entrySet()
			.stream()
			.map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
	}

	private static boolean databaseUnreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DatabaseCreator.DatabaseUnavailableException || t instanceof java.net.ConnectException
					|| t instanceof java.sql.SQLTransientConnectionException || (t instanceof java.sql.SQLException sql
							&& sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true;
			}
		}
		return false;
	}

}
