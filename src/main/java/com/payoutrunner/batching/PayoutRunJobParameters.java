package com.payoutrunner.batching;

/**
 * Identifying parameters of payoutRunJob. Released names: never rename, they key restart
 * state.
 */
public final class PayoutRunJobParameters {

	/** The job's name (released: it keys its instances in the job repository). */
	public static final String JOB_NAME = "payoutRunJob";

	/** The liquidation event whose payouts the run pays (event runs). */
	public static final String EVENT = "event";

	/**
	 * 0 for the event's first run; 1, 2, ... for deliberate reruns (each a new job
	 * instance).
	 */
	public static final String RERUN = "rerun";

	/**
	 * A scheduled run: the schedule's name and its slot (the fire time truncated to the
	 * schedule's period), instead of an event. A slot runs once, however often it fires.
	 */
	public static final String SCHEDULE = "schedule";

	public static final String SLOT = "slot";

	/**
	 * Not identifying, for scheduled runs: comma-separated priorities and currencies the
	 * run picks up (all when absent).
	 */
	public static final String PRIORITIES = "priorities";

	public static final String CURRENCIES = "currencies";

	public static final String ORIGIN_MODULES = "origin.modules";

	/** The parameters a schedule may pass to payoutRunJob. */
	public static final java.util.Set<String> SCHEDULE_FILTERS = java.util.Set.of(PRIORITIES, CURRENCIES,
			ORIGIN_MODULES);

	/**
	 * Not identifying: the run's business date (payouts scheduled after it wait). Set at
	 * launch from the clock; a restart keeps the date of the run it resumes.
	 */
	public static final String BUSINESS_DATE = "business.date";

	/**
	 * Not identifying, scheduled runs only: the instant the slot was launched. A payout
	 * taken through the API with a {@code scheduled_run} time after it waits for a later
	 * slot (the business date alone would pay it early in its day). A restart keeps the
	 * instant of the run it resumes, so it reads the same payouts.
	 */
	public static final String DUE_BY = "due.by";

	/**
	 * Not identifying: who launched the run (the CLI's {@code --by}, default the OS user;
	 * the API's authenticated user; {@code schedule:<name>} for a scheduled slot). Kept
	 * on restart. The launcher of a run over the run ceiling may not approve it.
	 */
	public static final String LAUNCHED_BY = "launched.by";

	/** Who launched a run from its parameters. */
	public static String launcher(org.springframework.batch.core.job.parameters.JobParameters parameters) {
		String by = parameters.getString(LAUNCHED_BY);
		if (by != null && !by.isBlank()) {
			return by;
		}
		String schedule = parameters.getString(SCHEDULE);
		return schedule != null ? "schedule:" + schedule : "unknown";
	}

	private PayoutRunJobParameters() {
	}

}
