package com.payoutrunner.calendar;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.payoutrunner.core.CsvTableFile;

/**
 * Rail → cut-off time, zone and business calendar, from
 * config/calendars/rail-cutoffs.csv. A rail without a row has no cut-off known here.
 */
public final class RailCutOffs {

	private final Map<String, RailCutOff> byRail;

	RailCutOffs(Map<String, RailCutOff> byRail) {
		this.byRail = Collections.unmodifiableMap(new LinkedHashMap<>(byRail));
	}

	/**
	 * @throws com.payoutrunner.core.TableFormatException naming file, line, column and
	 * reason of the first problem
	 */
	public static RailCutOffs load(Path file, BusinessCalendars calendars) {
		Map<String, RailCutOff> byRail = new LinkedHashMap<>();
		for (CsvTableFile.Row row : CsvTableFile.read(file, List.of("rail", "cut_off", "zone", "calendar"))) {
			String rail = row.text("rail");
			if (!rail.matches("[A-Z][A-Z0-9_]*")) {
				throw row.error("rail", "rail '" + rail + "' must be UPPER_SNAKE_CASE");
			}
			RailCutOff cutOff = new RailCutOff(rail, time(row), zone(row), calendar(row, calendars),
					file.getFileName() + ":" + row.line());
			if (byRail.putIfAbsent(rail, cutOff) != null) {
				throw row.error("rail", "rail " + rail + " appears twice");
			}
		}
		return new RailCutOffs(byRail);
	}

	private static LocalTime time(CsvTableFile.Row row) {
		String text = row.text("cut_off");
		if (!text.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
			throw row.error("cut_off", "'" + text + "' must be HH:mm on a 24-hour clock, such as 15:00");
		}
		return LocalTime.parse(text);
	}

	private static ZoneId zone(CsvTableFile.Row row) {
		String text = row.text("zone");
		try {
			ZoneId zone = ZoneId.of(text);
			if (zone instanceof ZoneOffset && !zone.equals(ZoneOffset.UTC)) {
				throw row.error("zone", "'" + text + "' is a fixed offset: use a region such as Europe/Brussels");
			}
			return zone;
		}
		catch (DateTimeException ex) {
			throw row.error("zone", "unknown time zone '" + text + "'");
		}
	}

	private static BusinessCalendar calendar(CsvTableFile.Row row, BusinessCalendars calendars) {
		String name = row.text("calendar");
		try {
			return calendars.get(name);
		}
		catch (IllegalArgumentException ex) {
			throw row.error("calendar", ex.getMessage());
		}
	}

	/**
	 * The day a payout handed to the rail now is executed: its cut-off and calendar
	 * decide; a rail without a cut-off executes the same (UTC) day.
	 */
	public java.time.LocalDate valueDate(String rail, java.time.Instant now) {
		return forRail(rail).map(cutOff -> cutOff.valueDate(now))
			.orElseGet(() -> java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
	}

	/**
	 * The value date of a run planned for a business date (a preview for another day):
	 * handed to the rail before its cut-off that day; a rail without a cut-off executes
	 * on the date itself.
	 */
	public java.time.LocalDate valueDateOn(String rail, java.time.LocalDate businessDate) {
		return forRail(rail).map(cutOff -> cutOff.valueDateOn(businessDate)).orElse(businessDate);
	}

	public Optional<RailCutOff> forRail(String rail) {
		return Optional.ofNullable(byRail.get(rail));
	}

	/** The rails with a cut-off, in table order. */
	public Set<String> rails() {
		return byRail.keySet();
	}

}
