package com.payoutrunner.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * A business calendar whose holidays come from jollyday's maintained data (TARGET, the
 * bank holidays of England), so that new or moved holidays arrive with a library update.
 */
final class JollydayCalendar implements BusinessCalendar {

	private final String name;

	private final HolidayCalendar calendar;

	private final String[] subdivision;

	// Loaded on first use: jollyday reads its XML data through JAXB (a few hundred
	// classes
	// and a quarter of a second), which commands that never ask a calendar should not
	// pay.
	private volatile HolidayManager holidays;

	// Holidays per year: jollyday evaluates its rules on every call otherwise.
	private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

	/**
	 * @param subdivision a region of the calendar, such as "eng" for England in the UK's
	 */
	JollydayCalendar(String name, HolidayCalendar calendar, String... subdivision) {
		this.name = name;
		this.calendar = calendar;
		this.subdivision = subdivision.clone();
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public boolean isHoliday(LocalDate date) {
		return byYear.computeIfAbsent(date.getYear(), this::holidaysOf).contains(date);
	}

	private HolidayManager holidays() {
		HolidayManager loaded = holidays;
		if (loaded == null) {
			synchronized (this) {
				if (holidays == null) {
					holidays = HolidayManager.getInstance(ManagerParameters.create(calendar));
				}
				loaded = holidays;
			}
		}
		return loaded;
	}

	private Set<LocalDate> holidaysOf(int year) {
		return holidays().getHolidays(Year.of(year), subdivision)
			.stream()
			.filter(holiday -> holiday.getType() != HolidayType.OBSERVANCE)
			// getDate is the day the banks close: a holiday on a weekend moved to its
			// substitute day where the calendar has one (getActualDate would keep the
			// weekend).
			.map(Holiday::getDate)
			.collect(Collectors.toUnmodifiableSet());
	}

}
