package com.payoutrunner.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.intake.SyntheticPayoutFile;
import com.payoutrunner.report.ExecutionHistory;

@Command(name = "bench", mixinStandardHelpOptions = true, description = {
		"Generates N payouts into a fresh event (rows modelled on jobs/examples/LIQ-2024-001.csv),",
		"imports and runs them against the in-process sandbox bank, and prints payouts/s per step and peak heap." })
class BenchCommand implements Callable<Integer> {

	PayoutImportOperations payoutImportOperations;

	PayoutRunOperations payoutRunOperations;

	ExecutionHistory executionHistory;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(PayoutImportOperations payoutImportOperations, PayoutRunOperations payoutRunOperations,
			ExecutionHistory executionHistory) {
		this.payoutImportOperations = payoutImportOperations;
		this.payoutRunOperations = payoutRunOperations;
		this.executionHistory = executionHistory;
	}

	@Option(names = "--payouts", defaultValue = "100000", description = "number of payouts (default ${DEFAULT-VALUE})")
	int payouts;

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
		try (var context = SpringContext.start(this)) {
			Instant generating = Instant.now();
			SyntheticPayoutFile.write(template, file, payouts);
			System.out.printf("generated %d payouts for %s in %s%n", payouts, event,
					Duration.between(generating, Instant.now()));
			var imported = payoutImportOperations.importFile(event, file);
			var run = payoutRunOperations.run(event);
			var history = executionHistory;
			System.out.println();
			System.out.printf("%-24s %10s %10s %12s%n", "step", "items", "seconds", "payouts/s");
			for (long id : new long[] { imported.execution().getId(), run.execution().getId() }) {
				for (var step : history.steps(id)) {
					System.out.printf("%-24s %10d %10.2f %12.0f%n", step.stepName(), step.items(), step.seconds(),
							step.seconds() > 0 ? step.items() / step.seconds() : 0.0);
				}
			}
			System.out.printf("peak heap: %d MB (max %d MB)%n", peakHeapBytes() / (1024 * 1024),
					Runtime.getRuntime().maxMemory() / (1024 * 1024));
			System.out.println("import " + imported.execution().getStatus() + ", run " + run.execution().getStatus()
					+ "; executions: " + history.executionsOf(event).size());
			return run.execution().getStatus().name().equals("COMPLETED") ? PayoutRunnerCli.COMPLETED
					: PayoutRunnerCli.FAILED;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.map(MemoryPoolMXBean::getPeakUsage)
			.mapToLong(usage -> usage.getUsed())
			.sum();
	}

}
