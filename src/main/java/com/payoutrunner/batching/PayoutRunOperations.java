package com.payoutrunner.batching;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
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

	/**
	 * What an operation did, in a sentence for the operator, and the execution it ran or,
	 * when it ran nothing ({@code ran} false), the execution that already did the work
	 * (null if none).
	 */
	public record Result(JobExecution execution, boolean ran, String message) {

		static Result ran(JobExecution execution, String message) {
			return new Result(execution, true, message);
		}

		static Result nothingRan(JobExecution last, String message) {
			return new Result(last, false, message);
		}
	}

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job payoutRunJob;

	private final RunHistory history;

	private final EventLock locks;

	private final PayoutRepository payouts;

	public PayoutRunOperations(JobOperator jobOperator, JobRepository jobRepository, Job payoutRunJob,
			RunHistory history, EventLock locks, PayoutRepository payouts) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.payoutRunJob = payoutRunJob;
		this.history = history;
		this.locks = locks;
		this.payouts = payouts;
	}

	/**
	 * Runs the event's first run. Already COMPLETED: does nothing and says so. FAILED,
	 * STOPPED or left STARTED by a dead process: resumes it.
	 */
	public Result run(String event) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			JobParameters parameters = parameters(event, 0);
			JobExecution last = jobRepository.getLastJobExecution(PayoutRunJobConfiguration.JOB_NAME, parameters);
			if (last == null) {
				return Result.ran(jobOperator.start(payoutRunJob, parameters), "started the run of " + event);
			}
			return resume(last, event);
		}
	}

	/**
	 * Starts a new run of the event (rerun n+1): it re-reads every payout and pays only
	 * those not yet paid.
	 */
	public Result rerun(String event) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			List<RunHistory.Run> runs = history.runsOf(event);
			long next = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).rerun() + 1;
			if (!runs.isEmpty()) {
				JobExecution latest = jobRepository
					.getLastJobExecution(jobRepository.getJobInstance(runs.get(runs.size() - 1).jobInstanceId()));
				if (latest != null && latest.getStatus() != BatchStatus.COMPLETED
						&& latest.getStatus() != BatchStatus.ABANDONED) {
					log.warn("the latest run of {} is {}; the rerun will also send its unfinished lines", event,
							latest.getStatus());
				}
			}
			return Result.ran(jobOperator.start(payoutRunJob, parameters(event, next)),
					next == 0 ? "started the run of " + event : "started rerun " + next + " of " + event);
		}
	}

	/**
	 * Resumes the event's latest run if it FAILED, STOPPED, or was left STARTED by a dead
	 * process.
	 */
	public Result restart(String event) throws Exception {
		requireEvent(event);
		try (var lock = locks.acquire(event)) {
			List<RunHistory.Run> runs = history.runsOf(event);
			if (runs.isEmpty()) {
				throw new IllegalArgumentException("event " + event + " has never run: use run --event " + event);
			}
			var instance = jobRepository.getJobInstance(runs.get(runs.size() - 1).jobInstanceId());
			return resume(jobRepository.getLastJobExecution(instance), event);
		}
	}

	private Result resume(JobExecution last, String event) throws Exception {
		BatchStatus status = last.getStatus();
		if (status == BatchStatus.COMPLETED) {
			return Result.nothingRan(last, "the run of " + event + " already COMPLETED (execution " + last.getId()
					+ "): nothing to do; use rerun --event " + event + " to pay what is still unpaid");
		}
		if (status == BatchStatus.ABANDONED) {
			return Result.nothingRan(null, "execution " + last.getId() + " was ABANDONED: use rerun --event " + event);
		}
		if (status.isRunning()) {
			// We hold the event lock, so the process that left this execution running is
			// gone.
			log.warn("execution {} was left {} by a process that died; marking it FAILED to resume it", last.getId(),
					status);
			last = jobOperator.recover(last);
		}
		return Result.ran(jobOperator.restart(last), "resumed execution " + last.getId() + " of " + event);
	}

	private void requireEvent(String event) {
		if (!payouts.eventExists(event)) {
			throw new IllegalArgumentException("no liquidation event " + event + ": import its file first");
		}
	}

	static JobParameters parameters(String event, long rerun) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(PayoutRunJobParameters.EVENT, event);
		if (rerun > 0) {
			builder.addLong(PayoutRunJobParameters.RERUN, rerun);
		}
		return builder.toJobParameters();
	}

}
