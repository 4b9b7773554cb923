package com.payoutrunner.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The latest local time a rail accepts payouts for the same business day.
 *
 * @param rule the table row it comes from (rail-cutoffs.csv:3), to explain a value date
 */
public record RailCutOff(String rail, LocalTime cutOff, ZoneId zone, BusinessCalendar calendar, String rule) {

	/**
	 * The value date of a payout handed to the rail at this instant: the rail's local
	 * date if that is a business day and the cut-off has not passed, else the next
	 * business day. At the cut-off exactly it has passed.
	 */
	public LocalDate valueDate(Instant at) {
		ZonedDateTime local = at.atZone(zone);
		LocalDate today = local.toLocalDate();
		if (calendar.isBusinessDay(today) && local.toLocalTime().isBefore(cutOff)) {
			return today;
		}
		return calendar.nextBusinessDay(today);
	}

	/**
	 * The value date of a run planned for a business date, handed to the rail before its
	 * cut-off that day: the date itself if a business day, else the next one.
	 */
	public LocalDate valueDateOn(LocalDate businessDate) {
		return calendar.businessDayOnOrAfter(businessDate);
	}

}
