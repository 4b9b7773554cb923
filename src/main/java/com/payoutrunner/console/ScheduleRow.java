package com.payoutrunner.console;

import java.util.List;

/**
 * One schedule as its page shows it: its trigger in words and as Quartz's cron, the state
 * of its trigger ({@code normal}, {@code paused}, {@code not_registered}...), its next
 * five fires and its last run.
 */
public record ScheduleRow(String name, String job, String trigger, String cron, String zone, String calendar,
		String parameters, boolean enabled, String state, List<Fire> nextFires, LastRun lastRun) {

	/** A fire to come, and where a closed business day moved it from. */
	public record Fire(Moment at, String slot, Moment movedFrom) {
	}

	/** The schedule's latest run. */
	public record LastRun(long id, String slot, String status, Moment started) {
	}

	public boolean paused() {
		return "paused".equals(state);
	}

	/** Whether the scheduler has its trigger (serve registers them). */
	public boolean registered() {
		return !com.payoutrunner.schedule.ScheduleControls.NOT_REGISTERED.equals(state);
	}

}
