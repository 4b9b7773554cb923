package com.payoutrunner.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The days the Federal Reserve Banks are closed (Fedwire, FedACH): the eleven federal
 * holidays, with one difference from the federal government's calendar: a holiday on a
 * Sunday is observed on the Monday, but one on a Saturday is not observed at all (the
 * Friday before is a business day). Written out here because jollyday's US calendar
 * follows the government's rule (Saturday to Friday) and lacks Columbus Day.
 */
final class FederalReserveCalendar implements BusinessCalendar {

	static final String NAME = "us-federal-reserve";

	/** The first year the Reserve Banks closed for Juneteenth. */
	static final int FIRST_JUNETEENTH = 2022;

	private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean isHoliday(LocalDate date) {
		return byYear.computeIfAbsent(date.getYear(), FederalReserveCalendar::holidaysOf).contains(date);
	}

	static Set<LocalDate> holidaysOf(int year) {
		Stream<LocalDate> fixedDates = Stream
			.of(LocalDate.of(year, Month.JANUARY, 1), LocalDate.of(year, Month.JUNE, 19),
					LocalDate.of(year, Month.JULY, 4), LocalDate.of(year, Month.NOVEMBER, 11),
					LocalDate.of(year, Month.DECEMBER, 25))
			.filter(date -> date.getMonth() != Month.JUNE || year >= FIRST_JUNETEENTH)
			.map(FederalReserveCalendar::observed);
		// Martin Luther King, Washington's Birthday, Memorial Day, Labor Day, Columbus
		// Day,
		// Thanksgiving.
		Stream<LocalDate> weekdays = Stream.of(nth(year, Month.JANUARY, 3, DayOfWeek.MONDAY),
				nth(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY), nth(year, Month.MAY, -1, DayOfWeek.MONDAY),
				nth(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY), nth(year, Month.OCTOBER, 2, DayOfWeek.MONDAY),
				nth(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY));
		return Stream.concat(fixedDates, weekdays).collect(Collectors.toUnmodifiableSet());
	}

	// Sunday → Monday; Saturday stays Saturday (a weekend day anyway: not observed).
	private static LocalDate observed(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
	}

	/** The ordinal-th day of the month (-1: the last). */
	private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
		return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
	}

}
