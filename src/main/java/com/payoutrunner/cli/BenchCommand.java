package com.payoutrunner.cli;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.intake.SyntheticPayoutFile;
import com.payoutrunner.partitioning.PartitioningProperties;
import com.payoutrunner.report.ExecutionHistory;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {
		"Generates N payouts into a fresh event (rows modelled on jobs/examples/LIQ-2024-001.csv),",
		"imports and runs them against the in-process sandbox bank, and prints payouts/s per step and peak heap,",
		"then the same as one line of JSON, last (docs/benchmark.md#comparing-runs)." })
class BenchCommand implements Callable<Integer> {

	PayoutImportOperations payoutImportOperations;

	PayoutRunOperations payoutRunOperations;

	ExecutionHistory executionHistory;

	PayoutRunnerProperties properties;

	PartitioningProperties partitioning;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(PayoutImportOperations payoutImportOperations, PayoutRunOperations payoutRunOperations,
			ExecutionHistory executionHistory, PayoutRunnerProperties properties, PartitioningProperties partitioning) {
		this.partitioning = partitioning;
		this.payoutImportOperations = payoutImportOperations;
		this.payoutRunOperations = payoutRunOperations;
		this.executionHistory = executionHistory;
		this.properties = properties;
	}

	@Option(names = "--payouts", defaultValue = "100000", description = "number of payouts (default ${DEFAULT-VALUE})")
	int payouts;

	@Option(names = "--workers", defaultValue = "0",
			description = "run in remote mode (docs/scale-out.md) with K worker JVMs started here, over RabbitMQ; "
					+ "0: local mode (default ${DEFAULT-VALUE})")
	int workers;

	@Option(names = "--template", defaultValue = "jobs/examples/LIQ-2024-001.csv",
			description = "CSV whose rows are cycled (default ${DEFAULT-VALUE})")
	Path template;

	@Override
	public Integer call() throws Exception {
		if (payouts < 1) {
			throw new IllegalArgumentException("--payouts must be at least 1");
		}
		String event = "BENCH-" + Instant.now().getEpochSecond();
		Path file = Files.createTempFile("payout-bench-", ".csv");
		// The generated event is synthetic and new: it is measured end to end, not held
		// at the run ceiling for approval.
		System.setProperty("payout.approvals.run-ceiling", "none");
		// Its own file may have more rows than an operator's import is allowed.
		if (payouts > 1_000_000) {
			System.setProperty("payout.limits.max-import-rows", Integer.toString(payouts));
		}
		BenchWorkers started = workers > 0 ? startWorkers(event) : null;
		try (var heap = HeapPeak.watch(); var context = SpringContext.start(this)) {
			Instant generating = Instant.now();
			SyntheticPayoutFile.write(template, file, payouts);
			System.out.printf("generated %d payouts for %s in %s%n", payouts, event,
					Duration.between(generating, Instant.now()));
			var imported = payoutImportOperations.importFile(event, file);
			var run = payoutRunOperations.run(event);
			var history = executionHistory;
			List<ExecutionHistory.Step> steps = new ArrayList<>(history.steps(imported.execution().getId()));
			steps.addAll(history.steps(run.execution().getId()));
			System.out.println();
			System.out.printf("%-24s %10s %10s %12s%n", "step", "items", "seconds", "payouts/s");
			for (var step : steps) {
				System.out.printf("%-24s %10d %10.2f %12.0f%n", step.stepName(), step.items(), step.seconds(),
						rate(step));
			}
			System.out.printf("peak heap: %d MB after a collection, %d MB used at most (max %d MB)%n",
					megabytes(heap.afterGcBytes()), megabytes(heap.usedBytes()), megabytes(HeapPeak.maxBytes()));
			System.out.println("import " + imported.execution().getStatus() + ", run " + run.execution().getStatus()
					+ "; executions: " + history.executionsOf(event).size());
			System.out.println(json(event, steps, heap, run.execution().getStatus().name()));
			if (started != null) {
				// The bench's own queue goes with it, once its workers (which would
				// declare
				// it again) have stopped.
				started.close();
				context.getBean(org.springframework.amqp.core.AmqpAdmin.class).deleteQueue(partitioning.requestQueue());
			}
			return run.execution().getStatus().name().equals("COMPLETED") ? PayoutRunnerCli.COMPLETED
					: PayoutRunnerCli.FAILED;
		}
		finally {
			Files.deleteIfExists(file);
			if (started != null) {
				started.close();
			}
		}
	}

	/**
	 * Remote mode on a queue of the bench's own, the workers started before the context
	 * so that they boot while the payouts are generated and imported.
	 */
	private BenchWorkers startWorkers(String event) throws java.io.IOException {
		if (workers > 16) {
			throw new IllegalArgumentException("--workers must be between 0 and 16");
		}
		List<String> remote = List.of("payout.partitioning.mode=remote",
				"payout.partitioning.queue-prefix=payout-runner-" + event.toLowerCase(java.util.Locale.ROOT),
				"payout.partitioning.grid-size=" + System.getProperty("payout.partitioning.grid-size", "4"));
		remote.forEach(setting -> System.setProperty(setting.substring(0, setting.indexOf('=')),
				setting.substring(setting.indexOf('=') + 1)));
		BenchWorkers started = BenchWorkers.start(workers, remote);
		System.out.printf("started %d worker(s) in remote mode, grid size %s; their output: %s%n", workers,
				System.getProperty("payout.partitioning.grid-size"), started.logs());
		return started;
	}

	/**
	 * The run as one line of JSON, for comparing runs by machine; its fields are listed
	 * in docs/benchmark.md#comparing-runs.
	 */
	private String json(String event, List<ExecutionHistory.Step> steps, HeapPeak heap, String status) {
		JsonMapper mapper = JsonMapper.builder().build();
		ObjectNode line = mapper.createObjectNode()
			.put("bench", event)
			.put("status", status)
			.put("payouts", payouts)
			.put("chunk_size", properties.chunkSize())
			.put("workers", workers)
			.put("mode", partitioning.mode().name().toLowerCase(java.util.Locale.ROOT))
			.put("grid_size", partitioning.gridSize())
			.put("java", Runtime.version().toString())
			.put("cpus", Runtime.getRuntime().availableProcessors())
			.put("wall_seconds", seconds(ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0))
			.put("peak_heap_mb", megabytes(heap.afterGcBytes()))
			.put("peak_heap_used_mb", megabytes(heap.usedBytes()))
			.put("max_heap_mb", megabytes(HeapPeak.maxBytes()));
		ObjectNode perStep = line.putObject("steps");
		for (var step : steps) {
			perStep.putObject(step.stepName())
				.put("items", step.items())
				.put("seconds", seconds(step.seconds()))
				.put("per_second", Math.round(rate(step)));
		}
		return mapper.writeValueAsString(line);
	}

	private static double rate(ExecutionHistory.Step step) {
		return step.seconds() > 0 ? step.items() / step.seconds() : 0.0;
	}

	private static BigDecimal seconds(double seconds) {
		return BigDecimal.valueOf(seconds).setScale(2, RoundingMode.HALF_UP);
	}

	private static long megabytes(long bytes) {
		return bytes / (1024 * 1024);
	}

}
