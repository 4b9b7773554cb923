package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendar;
import com.payoutrunner.calendar.BusinessCalendars;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.quartz.CronExpression;

/**
 * The next fires of a schedule. Fire times come from the schedule's Quartz cron
 * expression in its zone, so they are exactly what Quartz fires, daylight saving
 * included: a local time the clocks skip does not fire that day, one that happens twice
 * fires once, at its second occurrence.
 *
 * <p>
 * With a business calendar, a fire on a non-business day moves to the next business day
 * at the same local time and keeps the slot of the day it was scheduled for (a month-end
 * moved into the next month is still that month's run). Fires that land on the same
 * instant are one run, under the slot of the latest one: a daily run's Saturday, Sunday
 * and holiday fires join the next business day's own, since a run pays everything waiting
 * anyway.
 *
 * <p>
 * Whether the schedule is enabled does not matter here.
 */
public final class NextFireTimes {

	private final BusinessCalendars calendars;

	private final Clock clock;

	public NextFireTimes(BusinessCalendars calendars, Clock clock) {
		this.calendars = calendars;
		this.clock = clock;
	}

	/** The next {@code count} fires after the clock's now. */
	public List<ScheduledFire> next(ScheduleDefinition schedule, int count) {
		return after(schedule, clock.instant(), count);
	}

	/** The first {@code count} fires strictly after the instant, in time order. */
	public List<ScheduledFire> after(ScheduleDefinition schedule, Instant after, int count) {
		if (count < 1) {
			throw new IllegalArgumentException("count must be at least 1, got " + count);
		}
		ZoneId zone = schedule.zone();
		Optional<BusinessCalendar> calendar = schedule.calendar().map(calendars::get);
		CronExpression cron = schedule.trigger().cronExpression(zone);
		TreeMap<Instant, ScheduledFire> fires = new TreeMap<>();
		// Quartz looks strictly after a time, to the second: one second back includes a
		// fire exactly at the start of the scan.
		Date scheduled = cron.getNextValidTimeAfter(Date.from(scanStart(calendar, after, zone).minusSeconds(1)));
		while (scheduled != null && !(fires.size() == count && scheduled.toInstant().isAfter(fires.lastKey()))) {
			ScheduledFire fire = fire(schedule, calendar, scheduled.toInstant().atZone(zone));
			if (fire.fireTime().toInstant().isAfter(after)) {
				// Scheduled times come in order: a later one replaces an earlier one
				// here.
				fires.put(fire.fireTime().toInstant(), fire);
				if (fires.size() > count) {
					fires.pollLastEntry();
				}
			}
			scheduled = cron.getNextValidTimeAfter(scheduled);
		}
		return new ArrayList<>(fires.values());
	}

	private static ScheduledFire fire(ScheduleDefinition schedule, Optional<BusinessCalendar> calendar,
			ZonedDateTime scheduled) {
		String slot = schedule.trigger().slot(scheduled.toLocalDateTime());
		LocalDate day = scheduled.toLocalDate();
		if (calendar.isEmpty() || calendar.get().isBusinessDay(day)) {
			return new ScheduledFire(scheduled, scheduled, slot);
		}
		LocalDate businessDay = calendar.get().nextBusinessDay(day);
		return new ScheduledFire(ZonedDateTime.of(businessDay, scheduled.toLocalTime(), scheduled.getZone()), scheduled,
				slot);
	}

	/**
	 * Fires scheduled on the closed days just before now may have moved past now: scan
	 * from the first of them.
	 */
	private static Instant scanStart(Optional<BusinessCalendar> calendar, Instant after, ZoneId zone) {
		if (calendar.isEmpty()) {
			return after;
		}
		LocalDate first = after.atZone(zone).toLocalDate();
		for (int i = 0; i < BusinessCalendar.MAX_CLOSED_DAYS
				&& !calendar.get().isBusinessDay(first.minusDays(1)); i++) {
			first = first.minusDays(1);
		}
		return first.atStartOfDay(zone).toInstant();
	}

}
