package com.payoutrunner.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarsTests {

	private static final BusinessCalendars CALENDARS = BusinessCalendars.standard();

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			target             | 2026-01-01 | false | New Year's Day
			target             | 2026-04-02 | true  | Maundy Thursday
			target             | 2026-04-03 | false | Good Friday
			target             | 2026-04-06 | false | Easter Monday
			target             | 2026-04-07 | true  | the Tuesday after Easter
			target             | 2026-05-01 | false | Labour Day
			target             | 2026-05-14 | true  | Ascension Day: open
			target             | 2026-12-24 | true  | Christmas Eve: open
			target             | 2026-12-25 | false | Christmas Day
			target             | 2026-12-26 | false | Boxing Day, a Saturday
			target             | 2026-12-28 | true  | no substitute days in TARGET
			target             | 2026-12-31 | true  | New Year's Eve: open
			target             | 2026-11-21 | false | a Saturday
			target             | 2026-11-22 | false | a Sunday
			target             | 2026-11-23 | true  | a Monday
			england            | 2026-04-03 | false | Good Friday
			england            | 2026-04-06 | false | Easter Monday
			england            | 2026-05-04 | false | Early May bank holiday
			england            | 2026-05-25 | false | Spring bank holiday
			england            | 2026-08-31 | false | Summer bank holiday
			england            | 2026-12-25 | false | Christmas Day
			england            | 2026-12-28 | false | Boxing Day's substitute (26th is a Saturday)
			england            | 2026-12-29 | true  | an ordinary Tuesday
			england            | 2027-12-27 | false | Christmas Day's substitute (25th is a Saturday)
			england            | 2027-12-28 | false | Boxing Day's substitute (26th is a Sunday)
			england            | 2026-08-03 | true  | Scotland's summer bank holiday: open in England
			england            | 2026-03-17 | true  | St Patrick's Day (Northern Ireland): open in England
			us-federal-reserve | 2026-01-01 | false | New Year's Day
			us-federal-reserve | 2026-01-19 | false | Martin Luther King Jr. Day
			us-federal-reserve | 2026-02-16 | false | Washington's Birthday
			us-federal-reserve | 2026-05-25 | false | Memorial Day
			us-federal-reserve | 2026-06-19 | false | Juneteenth
			us-federal-reserve | 2026-07-03 | true  | Friday before Independence Day on a Saturday: not observed
			us-federal-reserve | 2026-09-07 | false | Labor Day
			us-federal-reserve | 2026-10-12 | false | Columbus Day
			us-federal-reserve | 2026-11-11 | false | Veterans Day
			us-federal-reserve | 2026-11-26 | false | Thanksgiving Day
			us-federal-reserve | 2026-11-27 | true  | the day after Thanksgiving
			us-federal-reserve | 2026-12-24 | true  | Christmas Eve
			us-federal-reserve | 2026-12-25 | false | Christmas Day
			us-federal-reserve | 2026-04-03 | true  | Good Friday: open
			""")
	void knowsTheBusinessDaysOfEachCalendar(String calendar, LocalDate date, boolean businessDay, String what) {
		assertThat(CALENDARS.get(calendar).isBusinessDay(date)).as(what).isEqualTo(businessDay);
	}

	@ParameterizedTest(name = "{0} after {1}: {2}")
	@CsvSource({ "target, 2026-04-02, 2026-04-07", "target, 2026-12-24, 2026-12-28", "target, 2026-12-31, 2027-01-04",
			"england, 2026-08-28, 2026-09-01", "england, 2026-12-24, 2026-12-29",
			"us-federal-reserve, 2026-11-25, 2026-11-27", "us-federal-reserve, 2026-07-02, 2026-07-03" })
	void findsTheNextBusinessDay(String calendar, LocalDate date, LocalDate next) {
		assertThat(CALENDARS.get(calendar).nextBusinessDay(date)).isEqualTo(next);
	}

	@Test
	void aBusinessDayIsItsOwnBusinessDayOnOrAfter() {
		BusinessCalendar target = CALENDARS.get("target");

		assertThat(target.businessDayOnOrAfter(LocalDate.parse("2026-11-23"))).isEqualTo("2026-11-23");
		assertThat(target.businessDayOnOrAfter(LocalDate.parse("2026-11-21"))).isEqualTo("2026-11-23");
	}

	@Test
	void listsItsCalendarsAndRejectsAnUnknownOne() {
		assertThat(CALENDARS.names()).containsExactly("target", "england", "us-federal-reserve");
		assertThatIllegalArgumentException().isThrownBy(() -> CALENDARS.get("nyse"))
			.withMessage("unknown calendar 'nyse' (known: [target, england, us-federal-reserve])");
	}

	@Test
	void aCalendarWithoutBusinessDaysFailsInsteadOfLoopingForever() {
		BusinessCalendar closed = new BusinessCalendar() {

			@Override
			public String name() {
				return "closed";
			}

			@Override
			public boolean isHoliday(LocalDate date) {
				return true;
			}

		};

		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> closed.nextBusinessDay(LocalDate.parse("2026-01-01")))
			.withMessage("calendar closed has no business day in the 31 days from 2026-01-02");
	}

}
