package com.payoutrunner.batching;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Service;

/**
 * Stop, restart and abandon a run: the one home of when each is allowed, for the API and
 * the console alike. A refusal is a {@link RunActionRefusedException} naming why; the
 * callers say it in their own form (a problem response, a message on the page).
 */
@Service
public class RunControl {

	private final JobOperator jobOperator;

	private final RunLauncher launcher;

	private final PayoutRunOperations runs;

	private final List<AbandonRule> abandonRules;

	RunControl(JobOperator jobOperator, RunLauncher launcher, PayoutRunOperations runs,
			List<AbandonRule> abandonRules) {
		this.jobOperator = jobOperator;
		this.launcher = launcher;
		this.runs = runs;
		this.abandonRules = abandonRules;
	}

	/**
	 * What another module may add to abandoning a run: a reason to refuse it, and what to
	 * do once it is abandoned (the run approvals withdraw a request not yet decided).
	 */
	public interface AbandonRule {

		Optional<String> refusal(JobExecution execution);

		void abandoned(JobExecution execution, String by);

	}

	/** Asks a running run to stop at its next chunk boundary; says so. */
	public String stop(JobExecution execution) throws Exception {
		if (!execution.isRunning()) {
			throw new RunActionRefusedException("run-not-running",
					"run " + execution.getId() + " is " + execution.getStatus() + ", not running");
		}
		jobOperator.stop(execution);
		return "stopping: the run ends STOPPED at its next chunk boundary; restart resumes it";
	}

	/**
	 * Resumes a payout run that did not complete (FAILED, STOPPED, or left STARTED by a
	 * process that died) as a new execution.
	 */
	public RunLauncher.Launch restart(JobExecution execution) throws Exception {
		if (!PayoutRunJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
			throw new RunActionRefusedException("not-restartable", "only payoutRunJob runs are restarted here");
		}
		if (execution.getStatus() == BatchStatus.COMPLETED || execution.getStatus() == BatchStatus.ABANDONED) {
			throw new RunActionRefusedException("not-restartable",
					"run " + execution.getId() + " is " + execution.getStatus() + " and cannot be restarted");
		}
		var parameters = execution.getJobParameters();
		return launcher.launch(whenStarted -> runs.restartRunOf(parameters, whenStarted));
	}

	/** Gives up on a FAILED or STOPPED run for good: it will not be restarted. */
	public String abandon(JobExecution execution, String by) throws Exception {
		if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
			throw new RunActionRefusedException("not-abandonable", "run " + execution.getId() + " is "
					+ execution.getStatus() + "; only a FAILED or STOPPED run can be abandoned");
		}
		for (AbandonRule rule : abandonRules) {
			Optional<String> refusal = rule.refusal(execution);
			if (refusal.isPresent()) {
				throw new RunActionRefusedException("not-abandonable", refusal.get());
			}
		}
		jobOperator.abandon(execution);
		for (AbandonRule rule : abandonRules) {
			rule.abandoned(execution, by);
		}
		return "abandoned: it will not be restarted; a rerun pays what it left unpaid";
	}

	/** A run action its run's state does not admit; {@link #code()} names the kind. */
	public static class RunActionRefusedException extends RuntimeException {

		private final String code;

		RunActionRefusedException(String code, String message) {
			super(message);
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

}
