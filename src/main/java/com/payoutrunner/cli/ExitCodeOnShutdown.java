package com.payoutrunner.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a job command's exit code and summary when SIGTERM (or Ctrl-C) stops its run. The
 * JVM would otherwise end with 143 as soon as the shutdown hooks return, before the
 * command prints its summary: this hook waits for the command to finish, then halts with
 * its exit code (1 for a stopped run, as documented).
 */
final class ExitCodeOnShutdown {

	/**
	 * Longer than a run takes to reach its chunk boundary (GracefulStopListener waits up
	 * to 120 s).
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(150);

	private static final AtomicReference<Pending> CURRENT = new AtomicReference<>();

	private record Pending(Thread hook, CountDownLatch finished, int[] exitCode) {
	}

	private ExitCodeOnShutdown() {
	}

	/** Called by a command before it starts a job. */
	static void install() {
		CountDownLatch finished = new CountDownLatch(1);
		int[] exitCode = { PayoutRunnerCli.FAILED };
		Thread hook = new Thread(() -> haltWhenFinished(finished, exitCode), "exit-code-on-shutdown");
		if (CURRENT.compareAndSet(null, new Pending(hook, finished, exitCode))) {
			Runtime.getRuntime().addShutdownHook(hook);
		}
	}

	/**
	 * Called with the command's exit code once it has printed everything: the waiting
	 * hook halts with it; without a shutdown the hook is simply removed.
	 */
	static void finished(int exitCode) {
		Pending pending = CURRENT.getAndSet(null);
		if (pending == null) {
			return;
		}
		pending.exitCode()[0] = exitCode;
		pending.finished().countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(pending.hook());
		}
		catch (IllegalStateException shuttingDown) {
			// The hook is running: it halts with this exit code.
		}
	}

	private static void haltWhenFinished(CountDownLatch finished, int[] exitCode) {
		try {
			finished.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		System.out.flush();
		System.err.flush();
		Runtime.getRuntime().halt(exitCode[0]);
	}

}
