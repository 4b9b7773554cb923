package com.payoutrunner.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The days a payment system settles. Saturdays and Sundays never are; each calendar adds
 * its holidays.
 */
public interface BusinessCalendar {

	/** Longest run of closed days any calendar has; more means a broken calendar. */
	int MAX_CLOSED_DAYS = 31;

	/** The name used in jobs/schedules.yaml and config/calendars/rail-cutoffs.csv. */
	String name();

	/** Whether the date is a holiday of this calendar (weekends aside). */
	boolean isHoliday(LocalDate date);

	default boolean isBusinessDay(LocalDate date) {
		return !isWeekend(date) && !isHoliday(date);
	}

	/** The first business day strictly after the date. */
	default LocalDate nextBusinessDay(LocalDate date) {
		return businessDayOnOrAfter(date.plusDays(1));
	}

	/** The date itself if it is a business day, else the next one. */
	default LocalDate businessDayOnOrAfter(LocalDate date) {
		LocalDate day = date;
		for (int i = 0; i <= MAX_CLOSED_DAYS; i++) {
			if (isBusinessDay(day)) {
				return day;
			}
			day = day.plusDays(1);
		}
		throw new IllegalStateException(
				"calendar " + name() + " has no business day in the " + MAX_CLOSED_DAYS + " days from " + date);
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
	}

}
