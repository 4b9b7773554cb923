package com.payoutrunner.batching;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * On SIGTERM (or Ctrl-C) while a job runs in this JVM: asks Spring Batch to stop the
 * execution and waits for it to reach the next chunk boundary, so that it ends STOPPED
 * with its last chunk committed, and restartable. Spring Batch's own
 * {@code JobExecutionShutdownHook} only asks; the JVM would halt mid-chunk.
 */
public class GracefulStopListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(GracefulStopListener.class);

	private final JobOperator jobOperator;

	private final long maxWaitSeconds;

	private final ThreadLocal<Registration> registration = new ThreadLocal<>();

	private final java.util.concurrent.Phaser running = new java.util.concurrent.Phaser(1);

	private record Registration(Thread hook, CountDownLatch finished) {
	}

	public GracefulStopListener(JobOperator jobOperator, long maxWaitSeconds) {
		this.jobOperator = jobOperator;
		this.maxWaitSeconds = maxWaitSeconds;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		running.register();
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> stopAndWait(execution, finished), "graceful-stop-" + execution.getId());
		Runtime.getRuntime().addShutdownHook(hook);
		registration.set(new Registration(hook, finished));
	}

	@Override
	public void afterJob(JobExecution execution) {
		running.arriveAndDeregister();
		Registration current = registration.get();
		registration.remove();
		if (current == null) {
			return;
		}
		current.finished().countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(current.hook());
		}
		catch (IllegalStateException shuttingDown) {
			// The hook is running: it is waiting for exactly this moment.
		}
	}

	/**
	 * Waits until no job runs in this JVM any more (each stopping at its chunk boundary),
	 * so that a service closes its database connections only after them.
	 * @return false when some were still running after the wait
	 */
	public boolean awaitNoRunningJobs(java.time.Duration patience) {
		try {
			running.awaitAdvanceInterruptibly(running.arrive(), patience.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private void stopAndWait(JobExecution execution, CountDownLatch finished) {
		log.warn("shutdown requested: stopping execution {} at the next chunk boundary", execution.getId());
		try {
			jobOperator.stop(execution);
			if (finished.await(maxWaitSeconds, TimeUnit.SECONDS)) {
				System.err.println("payout-runner: execution " + execution.getId()
						+ " stopped at a chunk boundary; resume it with restart");
			}
			else {
				log.error("execution {} did not stop within {} s; it will need a restart", execution.getId(),
						maxWaitSeconds);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			log.warn("could not stop execution {}: {}", execution.getId(), ex.getMessage());
		}
	}

}
