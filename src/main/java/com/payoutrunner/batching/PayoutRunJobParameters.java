package com.payoutrunner.batching;

/**
 * Identifying parameters of payoutRunJob. Released names: never rename, they key restart
 * state.
 */
public final class PayoutRunJobParameters {

	/** The liquidation event whose payouts the run pays. */
	public static final String EVENT = "event";

	/**
	 * 0 for the event's first run; 1, 2, ... for deliberate reruns (each a new job
	 * instance).
	 */
	public static final String RERUN = "rerun";

	/**
	 * Not identifying: the run's business date (payouts scheduled after it wait). Set at
	 * launch from the clock; a restart keeps the date of the run it resumes.
	 */
	public static final String BUSINESS_DATE = "business.date";

	private PayoutRunJobParameters() {
	}

}
