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

	private PayoutRunJobParameters() {
	}

}
