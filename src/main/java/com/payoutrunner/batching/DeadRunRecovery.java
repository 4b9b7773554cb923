package com.payoutrunner.batching;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.payoutrunner.payout.EventLock;

/**
 * Finds payout runs left running by a process that died (kill -9, a lost machine): an
 * execution still STARTED whose event or schedule lock is free has no live owner, since
 * the database drops a dead session's locks. Depending on {@code payout.recovery}: marks
 * it FAILED (Spring Batch's recover) and resumes it, or only marks it FAILED for an
 * operator to restart.
 */
public class DeadRunRecovery {

	private static final Logger log = LoggerFactory.getLogger(DeadRunRecovery.class);

	/** What to do with a dead run. */
	public enum Mode {

		/** Mark it FAILED and resume it here. */
		RESTART,
		/** Mark it FAILED; an operator restarts it. */
		FAIL

	}

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final EventLock locks;

	private final PayoutRunOperations runs;

	private final RunLauncher launcher;

	private final Mode mode;

	public DeadRunRecovery(JobRepository jobRepository, JobOperator jobOperator, EventLock locks,
			PayoutRunOperations runs, RunLauncher launcher, Mode mode) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.locks = locks;
		this.runs = runs;
		this.launcher = launcher;
		this.mode = mode;
	}

	/**
	 * @return the executions found dead and handled
	 */
	public List<Long> sweep() {
		List<Long> handled = new ArrayList<>();
		// Oldest first, as they were left (the repository gives a set); each loaded again
		// just before it is handled, since handling one may take a while and a run may
		// end meanwhile.
		List<Long> running = jobRepository.findRunningJobExecutions(PayoutRunJobConfiguration.JOB_NAME)
			.stream()
			.map(JobExecution::getId)
			.sorted()
			.toList();
		for (long id : running) {
			JobExecution execution = jobRepository.getJobExecution(id);
			if (execution == null || !execution.isRunning()) {
				continue;
			}
			try {
				if (handle(execution)) {
					handled.add(id);
				}
			}
			catch (Exception ex) {
				log.warn("could not recover execution {}: {}", id, ex.getMessage());
			}
		}
		return handled;
	}

	private boolean handle(JobExecution execution) throws Exception {
		JobParameters parameters = execution.getJobParameters();
		String event = parameters.getString(PayoutRunJobParameters.EVENT);
		String schedule = parameters.getString(PayoutRunJobParameters.SCHEDULE);
		String lock = event != null ? event : "schedule:" + schedule;
		if (mode == Mode.FAIL) {
			try (var held = locks.acquire(lock)) {
				jobOperator.recover(execution);
				log.warn("execution {} ({}) was left running by a process that died: marked FAILED; restart it",
						execution.getId(), lock);
				return true;
			}
			catch (EventLock.EventBusyException alive) {
				return false;
			}
		}
		if (!isDead(lock)) {
			return false;
		}
		log.warn("execution {} ({}) was left running by a process that died: resuming it", execution.getId(), lock);
		launcher.launch(whenStarted -> runs.restartRunOf(parameters, whenStarted));
		return true;
	}

	/** Free now means its owner is gone; the resume takes it again for the whole run. */
	private boolean isDead(String lock) {
		try (var held = locks.acquire(lock)) {
			return true;
		}
		catch (EventLock.EventBusyException alive) {
			return false;
		}
	}

}
