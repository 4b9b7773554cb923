package com.payoutrunner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs of {@code bench --workers K}: the same jar (or class path) and settings
 * as the bench, started as {@code worker --name bench-worker-<i>}, their output in files
 * of a folder of their own; stopped with SIGTERM when the bench ends.
 */
final class BenchWorkers implements AutoCloseable {

	private final List<Process> processes;

	private final Path logs;

	private BenchWorkers(List<Process> processes, Path logs) {
		this.processes = processes;
		this.logs = logs;
	}

	/**
	 * @param settings system properties every worker gets
	 * ("payout.partitioning.mode=remote")
	 */
	static BenchWorkers start(int count, List<String> settings) throws IOException {
		Path logs = Files.createTempDirectory("payout-bench-workers-");
		List<Process> processes = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			settings.forEach(setting -> command.add("-D" + setting));
			forwardedProperties().forEach(setting -> command.add("-D" + setting));
			String classPath = System.getProperty("java.class.path");
			if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
				command.addAll(List.of("-jar", classPath));
			}
			else {
				command.addAll(List.of("-cp", classPath, PayoutRunnerCli.class.getName()));
			}
			command.addAll(List.of("worker", "--name", "bench-worker-" + i));
			processes.add(new ProcessBuilder(command).redirectOutput(logs.resolve("worker-" + i + ".out").toFile())
				.redirectError(logs.resolve("worker-" + i + ".err").toFile())
				.start());
		}
		return new BenchWorkers(processes, logs);
	}

	/** The bench's own settings given as -D (database, bank, chunk size...) go along. */
	private static List<String> forwardedProperties() {
		return System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter(name -> name.startsWith("payout.") || name.startsWith("spring."))
			.filter(name -> !name.startsWith("payout.partitioning."))
			.map(name -> name + "=" + System.getProperty(name))
			.toList();
	}

	Path logs() {
		return logs;
	}

	@Override
	public void close() throws InterruptedException {
		processes.forEach(Process::destroy);
		for (Process process : processes) {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
