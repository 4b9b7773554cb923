package com.payoutrunner.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.payoutrunner.cli.PayoutRunnerCli;

/**
 * The payout runner's command line in a separate JVM (the test's classpath), so that a
 * test can kill it with SIGKILL and look at what it left behind. Its output goes to files
 * under target/runner-processes/.
 */
public final class RunnerProcess {

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	private RunnerProcess(Process process, Path stdout, Path stderr) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
	}

	public static RunnerProcess start(String databaseUrl, String bankUrl, int chunkSize, String... command)
			throws IOException {
		return start(databaseUrl, bankUrl, chunkSize, List.of(), command);
	}

	/**
	 * As above, with more settings as system properties ("payout.schedules-file=...").
	 */
	public static RunnerProcess start(String databaseUrl, String bankUrl, int chunkSize, List<String> settings,
			String... command) throws IOException {
		Path dir = Files.createDirectories(Path.of("target/runner-processes"));
		String name = String.join("-", command).replaceAll("[^A-Za-z0-9-]", "_") + "-" + System.nanoTime();
		Path stdout = dir.resolve(name + ".out");
		Path stderr = dir.resolve(name + ".err");
		List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), "-Xmx256m", "-Dspring.datasource.url=" + databaseUrl,
				"-Dpayout.bank.url=" + bankUrl, "-Dpayout.chunk-size=" + chunkSize,
				"-Dpayout.reports-dir=target/test-reports", "-Dpayout.progress-interval=1h",
				"-Dspring.datasource.hikari.minimum-idle=1",
				// Crash and cluster tests: their generated events are over the default
				// run
				// ceiling, whose gate has tests of its own.
				"-Dpayout.approvals.run-ceiling=none", "-DPAYOUT_LOG_DIR=" + dir.resolve(name)));
		settings.forEach(setting -> args.add("-D" + setting));
		args.add(PayoutRunnerCli.class.getName());
		args.addAll(List.of(command));
		Process process = new ProcessBuilder(args).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.directory(new File("."))
			.start();
		return new RunnerProcess(process, stdout, stderr);
	}

	/** SIGKILL: the JVM gets no chance to clean up, as with kill -9. */
	public void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** SIGTERM, as a service manager or Ctrl-C sends: the runner may stop gracefully. */
	public void terminate() {
		process.destroy();
	}

	/**
	 * Waits (up to 90 s) until the process has written {@code text} to stdout or stderr.
	 */
	public void awaitOutput(String text) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plusSeconds(90);
		while (!(stderr() + stdout()).contains(text)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("waited 90 s for \"" + text + "\" in the output of the runner:\n" + stderr());
			}
			Thread.sleep(250);
		}
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	public int waitForExit() throws InterruptedException {
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("runner did not finish within 3 minutes; see " + stderr);
		}
		return process.exitValue();
	}

	public String stdout() throws IOException {
		return Files.readString(stdout);
	}

	public String stderr() throws IOException {
		return Files.readString(stderr);
	}

	/** The last line of stdout: the run summary. */
	public String lastLine() throws IOException {
		List<String> lines = Files.readAllLines(stdout);
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
