package com.payoutrunner.schedule;

import java.time.ZonedDateTime;

/**
 * One upcoming run of a schedule.
 *
 * @param fireTime when it runs
 * @param scheduledTime when the trigger said it should; earlier than {@code fireTime}
 * when that was not a business day
 * @param slot the period it runs for: the job's {@code slot} parameter
 */
public record ScheduledFire(ZonedDateTime fireTime, ZonedDateTime scheduledTime, String slot) {

	/** Whether a non-business day moved it. */
	public boolean moved() {
		return !fireTime.equals(scheduledTime);
	}

}
