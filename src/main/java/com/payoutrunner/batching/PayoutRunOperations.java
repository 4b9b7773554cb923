package com.payoutrunner.batching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import com.payoutrunner.payout.EventLock;
import com.payoutrunner.payout.PayoutRepository;

/**
 * What operators do with an event's payout run: run it, rerun it, restart it. Each holds
 * the event's lock for the whole execution, so two processes never run one event at once
 * and a STARTED execution whose lock is free is known to be dead (its process was killed)
 * and can be recovered.
 */
@Service
public class PayoutRunOperations {

	private static final Logger log = LoggerFactory.getLogger(PayoutRunOperations.class);

	/** What an operation did. */
	public enum Outcome {

		/** It ran an execution (which may have COMPLETED, FAILED or been STOPPED). */
		RAN,
		/** The event's latest run had already COMPLETED: nothing to do. */
		ALREADY_COMPLETED,
		/** The latest run cannot be resumed (ABANDONED): nothing ran. */
		NOT_RESUMABLE

	}

	/**
	 * A sentence for the operator, and the execution that ran or, when nothing ran, the
	 * execution that already did the work (null if none).
	 */
	public record Result(Outcome outcome, JobExecution execution, String message) {

		public boolean ran() {
			return outcome == Outcome.RAN;
		}

	}

	/** For the callers that wait for the execution to end, as most do. */
	private static final Consumer<JobExecution> NOBODY_WAITS = execution -> {
	};

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job payoutRunJob;

	private final RunHistory history;

	private final EventLock locks;

	private final PayoutRepository payouts;

	private final Clock clock;

	private final RunStarts starts;

	PayoutRunOperations(JobOperator jobOperator, JobRepository jobRepository, Job payoutRunJob, RunHistory history,
			EventLock locks, PayoutRepository payouts, Clock clock, RunStarts starts) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.payoutRunJob = payoutRunJob;
		this.history = history;
		this.locks = locks;
		this.payouts = payouts;
		this.clock = clock;
		this.starts = starts;
	}

	/**
	 * Runs the event: starts its first run, or, when it has runs, acts on the latest one.
	 * COMPLETED: does nothing and says so. FAILED, STOPPED or left STARTED by a dead
	 * process: resumes it.
	 */
	public Result run(String event) throws Exception {
		return run(event, null);
	}

	/**
	 * As {@link #run(String)}, recording who launched it ({@code null}: the OS user); a
	 * resumed run keeps its launcher.
	 */
	public Result run(String event, String launchedBy) throws Exception {
		return run(event, launchedBy, NOBODY_WAITS);
	}

	/**
	 * As {@link #run(String, String)}, telling {@code whenStarted} once an execution has
	 * started (this returns when it ends).
	 */
	public Result run(String event, String launchedBy, Consumer<JobExecution> whenStarted) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			JobExecution latest = latestExecution(event);
			if (latest == null) {
				return new Result(Outcome.RAN, start(parameters(event, 0, launchedBy), whenStarted),
						"started the run of " + event);
			}
			return resume(latest, event, whenStarted);
		}
	}

	/**
	 * Starts a new run of the event (rerun n+1): it re-reads every payout and pays only
	 * those not yet paid.
	 */
	public Result rerun(String event) throws Exception {
		return rerun(event, null);
	}

	/**
	 * As {@link #rerun(String)}, recording who launched it ({@code null}: the OS user).
	 */
	public Result rerun(String event, String launchedBy) throws Exception {
		return rerun(event, launchedBy, NOBODY_WAITS);
	}

	/**
	 * As {@link #rerun(String, String)}, telling {@code whenStarted} once its execution
	 * has started.
	 */
	public Result rerun(String event, String launchedBy, Consumer<JobExecution> whenStarted) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			List<RunHistory.Run> runs = history.runsOf(event);
			long next = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).rerun() + 1;
			if (!runs.isEmpty()) {
				JobExecution latest = jobRepository
					.getLastJobExecution(jobRepository.getJobInstance(runs.get(runs.size() - 1).jobInstanceId()));
				long latestRun = runs.get(runs.size() - 1).jobInstanceId();
				if (latest != null && !latest.getStatus().isRunning() && history.hasLinesBeforeItsGate(latestRun)) {
					// Its lines are sent only once it has passed its gate, and only a
					// restart of it gets there: a rerun would leave them stranded.
					throw new RunNotPastItsGateException(event, latest);
				}
				if (latest != null && latest.getStatus() != BatchStatus.COMPLETED
						&& latest.getStatus() != BatchStatus.ABANDONED) {
					log.warn("the latest run of {} is {}; the rerun will also send its unfinished lines", event,
							latest.getStatus());
				}
			}
			return new Result(Outcome.RAN, start(parameters(event, next, launchedBy), whenStarted),
					next == 0 ? "started the run of " + event : "started rerun " + next + " of " + event);
		}
	}

	/**
	 * Resumes the event's latest run if it FAILED, STOPPED, or was left STARTED by a dead
	 * process.
	 */
	public Result restart(String event) throws Exception {
		return restart(event, NOBODY_WAITS);
	}

	/**
	 * As {@link #restart(String)}, telling {@code whenStarted} once its execution has
	 * started.
	 */
	public Result restart(String event, Consumer<JobExecution> whenStarted) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			JobExecution latest = latestExecution(event);
			if (latest == null) {
				throw new IllegalArgumentException("event " + event + " has never run: use run --event " + event);
			}
			return resume(latest, event, whenStarted);
		}
	}

	/**
	 * Restarts the run that {@code parameters} launched: an event's latest run, or a
	 * schedule's slot. The one place that tells the two apart for a restart.
	 */
	public Result restartRunOf(JobParameters parameters, Consumer<JobExecution> whenStarted) throws Exception {
		String event = parameters.getString(PayoutRunJobParameters.EVENT);
		return event != null ? restart(event, whenStarted)
				: runSlot(ScheduledRun.fromJobParameters(parameters), null, whenStarted);
	}

	/**
	 * A scheduled run of one slot. The slot is part of the job instance's identity, so it
	 * runs once however often it fires (a double fire, a second instance): a slot already
	 * COMPLETED is "already done", one that FAILED, STOPPED or was left by a dead process
	 * is resumed. Runs of one schedule hold the schedule's lock, one at a time.
	 */
	public Result runSlot(ScheduledRun run) throws Exception {
		return runSlot(run, null);
	}

	/**
	 * As {@link #runSlot(ScheduledRun)}, launched by a person (an operator triggering the
	 * slot) rather than the schedule: they may not approve the run if it waits.
	 */
	public Result runSlot(ScheduledRun run, String launchedBy) throws Exception {
		return runSlot(run, launchedBy, NOBODY_WAITS);
	}

	/**
	 * As {@link #runSlot(ScheduledRun, String)}, telling {@code whenStarted} once its
	 * execution has started.
	 */
	public Result runSlot(ScheduledRun run, String launchedBy, Consumer<JobExecution> whenStarted) throws Exception {
		String label = "slot " + run.slot() + " of schedule " + run.schedule();
		try (var lock = locks.acquire("schedule:" + run.schedule())) {
			JobParameters parameters = run.jobParameters(clock.instant());
			if (launchedBy != null && !launchedBy.isBlank()) {
				parameters = new JobParametersBuilder(parameters)
					.addString(PayoutRunJobParameters.LAUNCHED_BY, launchedBy, false)
					.toJobParameters();
			}
			JobInstance instance = jobRepository.getJobInstance(payoutRunJob.getName(), parameters);
			if (instance == null) {
				return new Result(Outcome.RAN, start(parameters, whenStarted), "started " + label);
			}
			JobExecution last = jobRepository.getLastJobExecution(instance);
			if (last.getStatus() == BatchStatus.COMPLETED) {
				return new Result(Outcome.ALREADY_COMPLETED, last,
						label + " already COMPLETED (execution " + last.getId() + "): already done");
			}
			if (last.getStatus() == BatchStatus.ABANDONED) {
				return new Result(Outcome.NOT_RESUMABLE, last,
						label + " was ABANDONED (execution " + last.getId() + "); the next slot picks its payouts up");
			}
			return resume(last, label, whenStarted);
		}
	}

	/**
	 * A rerun refused: the event's latest run built lines that have not passed its run
	 * approval gate.
	 */
	public static class RunNotPastItsGateException extends IllegalStateException {

		RunNotPastItsGateException(String event, JobExecution latest) {
			super("the latest run of " + event + " (execution " + latest.getId() + ", " + latest.getStatus()
					+ ") built lines that have not passed its run approval gate: resume it with restart --event "
					+ event + " (or approve or reject it if it awaits approval) before a rerun");
		}

	}

	private JobExecution latestExecution(String event) {
		List<RunHistory.Run> runs = history.runsOf(event);
		if (runs.isEmpty()) {
			return null;
		}
		return jobRepository
			.getLastJobExecution(jobRepository.getJobInstance(runs.get(runs.size() - 1).jobInstanceId()));
	}

	private Result resume(JobExecution last, String event, Consumer<JobExecution> whenStarted) throws Exception {
		BatchStatus status = last.getStatus();
		if (status == BatchStatus.COMPLETED) {
			return new Result(Outcome.ALREADY_COMPLETED, last,
					"the latest run of " + event + " already COMPLETED (execution " + last.getId()
							+ "): nothing to do; use rerun --event " + event + " to pay what is still unpaid");
		}
		if (status == BatchStatus.ABANDONED) {
			return new Result(Outcome.NOT_RESUMABLE, last,
					"execution " + last.getId() + " was ABANDONED and cannot be resumed: use rerun --event " + event);
		}
		if (status.isRunning()) {
			// We hold the event lock, so the process that left this execution running is
			// gone.
			log.warn("execution {} was left {} by a process that died; marking it FAILED to resume it", last.getId(),
					status);
			last = jobOperator.recover(last);
		}
		// Starting the same identifying parameters again resumes the FAILED or STOPPED
		// instance
		// where it stopped (and keeps its business date). JobOperator.restart would look
		// the job
		// up in a JobRegistry, which Boot does not fill.
		return new Result(Outcome.RAN, start(last.getJobParameters(), whenStarted),
				"resumed execution " + last.getId() + " of " + event);
	}

	/** Starts an execution and returns when it ends. */
	private JobExecution start(JobParameters parameters, Consumer<JobExecution> whenStarted) throws Exception {
		return starts.start(parameters, whenStarted, () -> jobOperator.start(payoutRunJob, parameters));
	}

	private void requireEvent(String event) {
		if (!payouts.eventExists(event)) {
			throw new UnknownEventException(event);
		}
	}

	JobParameters parameters(String event, long rerun, String launchedBy) {
		return parameters(event, rerun, LocalDate.now(clock), launchedBy);
	}

	static JobParameters parameters(String event, long rerun, LocalDate businessDate) {
		return parameters(event, rerun, businessDate, null);
	}

	static JobParameters parameters(String event, long rerun, LocalDate businessDate, String launchedBy) {
		String by = launchedBy == null || launchedBy.isBlank() ? System.getProperty("user.name", "unknown")
				: launchedBy;
		JobParametersBuilder builder = new JobParametersBuilder().addString(PayoutRunJobParameters.EVENT, event)
			.addLocalDate(PayoutRunJobParameters.BUSINESS_DATE, businessDate, false)
			.addString(PayoutRunJobParameters.LAUNCHED_BY, by, false);
		if (rerun > 0) {
			builder.addLong(PayoutRunJobParameters.RERUN, rerun);
		}
		return builder.toJobParameters();
	}

	/** The event has no payouts: nothing to run. */
	public static class UnknownEventException extends IllegalArgumentException {

		public UnknownEventException(String event) {
			super("no liquidation event " + event + ": import its file first");
		}

	}

}
