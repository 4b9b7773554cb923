package com.payoutrunner.calendar;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayCalendar;

/** The business calendars schedules and rail cut-offs may name. */
public final class BusinessCalendars {

	/** TARGET2, the euro's settlement system: SEPA. */
	public static final String TARGET = "target";

	/** Bank holidays of England and Wales: BACS, Faster Payments settlement. */
	public static final String ENGLAND = "england";

	/** The Federal Reserve Banks: ACH, Fedwire. */
	public static final String US_FEDERAL_RESERVE = FederalReserveCalendar.NAME;

	private final Map<String, BusinessCalendar> byName = new LinkedHashMap<>();

	BusinessCalendars(List<BusinessCalendar> calendars) {
		for (BusinessCalendar calendar : calendars) {
			if (byName.putIfAbsent(calendar.name(), calendar) != null) {
				throw new IllegalArgumentException("two calendars are named " + calendar.name());
			}
		}
	}

	/** TARGET and England from jollyday, the Federal Reserve from its rules. */
	public static BusinessCalendars standard() {
		return new BusinessCalendars(List.of(new JollydayCalendar(TARGET, HolidayCalendar.TARGET),
				new JollydayCalendar(ENGLAND, HolidayCalendar.UNITED_KINGDOM, "eng"), new FederalReserveCalendar()));
	}

	/**
	 * @throws IllegalArgumentException naming the known calendars
	 */
	public BusinessCalendar get(String name) {
		BusinessCalendar calendar = byName.get(name);
		if (calendar == null) {
			throw new IllegalArgumentException("unknown calendar '" + name + "' (known: " + names() + ")");
		}
		return calendar;
	}

	/** The known names, in a stable order. */
	public Set<String> names() {
		return Collections.unmodifiableSet(new LinkedHashSet<>(byName.keySet()));
	}

}
