package com.payoutrunner.console;

import com.payoutrunner.batching.PayoutRunJobParameters;

/**
 * Which buttons a run's page shows: only an operator (or an admin) gets any, and only
 * those the run's state admits. The same checks are made again when the button is pressed
 * ({@link RunActionsController}).
 */
public record RunActions(boolean stop, boolean restart, boolean abandon) {

	static RunActions allowed(RunRow run, boolean operator) {
		if (!operator) {
			return new RunActions(false, false, false);
		}
		boolean ended = "FAILED".equals(run.status()) || "STOPPED".equals(run.status());
		return new RunActions(run.running(), ended && PayoutRunJobParameters.JOB_NAME.equals(run.job()), ended);
	}

	public boolean any() {
		return stop || restart || abandon;
	}

}
