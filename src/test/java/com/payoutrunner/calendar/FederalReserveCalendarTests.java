package com.payoutrunner.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checked against the Federal Reserve's published holiday schedules. */
class FederalReserveCalendarTests {

	private final FederalReserveCalendar fed = new FederalReserveCalendar();

	@Test
	void closesOnElevenDaysIn2026() {
		assertThat(FederalReserveCalendar.holidaysOf(2026)).containsExactlyInAnyOrder(LocalDate.parse("2026-01-01"),
				LocalDate.parse("2026-01-19"), LocalDate.parse("2026-02-16"), LocalDate.parse("2026-05-25"),
				LocalDate.parse("2026-06-19"), LocalDate.parse("2026-07-04"), LocalDate.parse("2026-09-07"),
				LocalDate.parse("2026-10-12"), LocalDate.parse("2026-11-11"), LocalDate.parse("2026-11-26"),
				LocalDate.parse("2026-12-25"));
	}

	@ParameterizedTest(name = "{0}: business day {1} ({2})")
	@CsvSource(delimiter = '|', textBlock = """
			2023-01-02 | false | New Year's Day on a Sunday: observed Monday
			2023-11-10 | true  | Veterans Day on a Saturday: the Friday stays open
			2027-06-18 | true  | Juneteenth on a Saturday: the Friday stays open
			2027-07-05 | false | Independence Day on a Sunday: observed Monday
			2027-12-24 | true  | Christmas on a Saturday: the Friday stays open
			2027-12-31 | true  | New Year's Day 2028 on a Saturday: New Year's Eve stays open
			2028-12-25 | false | Christmas on a Monday
			2021-06-18 | true  | before 2022 the Reserve Banks did not close for Juneteenth
			2022-06-20 | false | Juneteenth 2022 on a Sunday: observed Monday
			""")
	void observesSundayHolidaysOnMondayAndSaturdayHolidaysNotAtAll(LocalDate date, boolean businessDay, String what) {
		assertThat(fed.isBusinessDay(date)).as(what).isEqualTo(businessDay);
	}

	@ParameterizedTest
	@CsvSource({ "2026-05-25, 2026-05-18", "2027-05-31, 2027-05-24", "2028-05-29, 2028-05-22" })
	void memorialDayIsTheLastMondayOfMay(LocalDate memorialDay, LocalDate mondayBefore) {
		assertThat(fed.isHoliday(memorialDay)).isTrue();
		assertThat(fed.isHoliday(mondayBefore)).isFalse();
	}

}
