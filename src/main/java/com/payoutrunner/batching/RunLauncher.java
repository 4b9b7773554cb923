package com.payoutrunner.batching;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Runs an operation on a payout run (run, restart, a schedule's slot) in the background
 * and answers as soon as its job execution has started, so that an API call never waits
 * for a run of a million payouts. The operation keeps its locks for the whole execution,
 * on its own thread, and reports the start through the callback it is given. When it ends
 * without starting anything (already done, busy, unknown event), that outcome is the
 * answer.
 */
public class RunLauncher {

	private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

	/**
	 * An operation that starts a run and returns when it ends, telling
	 * {@code whenStarted} once its execution has started (the {@code PayoutRunOperations}
	 * methods that take one).
	 */
	@FunctionalInterface
	public interface Operation {

		PayoutRunOperations.Result run(Consumer<JobExecution> whenStarted) throws Exception;

	}

	/** What the caller learns: the execution that started, or the operation's result. */
	public record Launch(JobExecution started, PayoutRunOperations.Result result) {
	}

	private final AsyncTaskExecutor executor;

	private final Duration patience;

	public RunLauncher(AsyncTaskExecutor executor, Duration patience) {
		this.executor = executor;
		this.patience = patience;
	}

	/**
	 * @throws Exception what the operation threw before its execution started (unknown
	 * event, the event busy in another process)
	 */
	public Launch launch(Operation operation) throws Exception {
		CompletableFuture<JobExecution> started = new CompletableFuture<>();
		CompletableFuture<PayoutRunOperations.Result> finished = new CompletableFuture<>();
		executor.execute(() -> {
			try {
				finished.complete(operation.run(started::complete));
			}
			catch (Throwable ex) {
				if (started.isDone()) {
					log.error("a run launched through the API ended with an error: {}", ex.getMessage(), ex);
				}
				finished.completeExceptionally(ex);
			}
		});
		try {
			Object first = CompletableFuture.anyOf(started, finished).get(patience.toMillis(), TimeUnit.MILLISECONDS);
			if (first instanceof JobExecution execution) {
				return new Launch(execution, null);
			}
			return new Launch(null, (PayoutRunOperations.Result) first);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof Exception cause ? cause : ex;
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the run did not start within " + patience.toSeconds() + " s", ex);
		}
	}

}
