package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.payoutrunner.schedule.ScheduleTrigger.Asap;
import com.payoutrunner.schedule.ScheduleTrigger.Cron;
import com.payoutrunner.schedule.ScheduleTrigger.Daily;
import com.payoutrunner.schedule.ScheduleTrigger.DayOfMonth;
import com.payoutrunner.schedule.ScheduleTrigger.Monthly;
import com.payoutrunner.schedule.ScheduleTrigger.Weekly;

class NextFireTimesTests {

	private static final BusinessCalendars CALENDARS = BusinessCalendars.standard();

	private static NextFireTimes at(String now) {
		return new NextFireTimes(CALENDARS, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

	private static ScheduleDefinition schedule(ScheduleTrigger trigger, String zone, String calendar) {
		return new ScheduleDefinition("test", "payoutRunJob", trigger, ZoneId.of(zone), MisfirePolicy.FIRE_ONCE_NOW,
				true, Optional.ofNullable(calendar), Map.of());
	}

	/** Each fire as "fire time | slot", with " (scheduled ...)" when it moved. */
	private static List<String> describe(List<ScheduledFire> fires) {
		return fires.stream()
			.map(fire -> fire.fireTime() + " | " + fire.slot()
					+ (fire.moved() ? " (scheduled " + fire.scheduledTime().toLocalDate() + ")" : ""))
			.toList();
	}

	@Test
	void asapFiresEveryIntervalOnTheClock() {
		ScheduleDefinition everyMinute = schedule(new Asap(Duration.ofMinutes(1)), "UTC", null);

		assertThat(describe(at("2026-11-23T10:15:30Z").next(everyMinute, 3))).containsExactly(
				"2026-11-23T10:16Z[UTC] | 2026-11-23T10:16", "2026-11-23T10:17Z[UTC] | 2026-11-23T10:17",
				"2026-11-23T10:18Z[UTC] | 2026-11-23T10:18");
	}

	@Test
	void aFireExactlyNowIsNotNext() {
		ScheduleDefinition everyQuarter = schedule(new Asap(Duration.ofMinutes(15)), "UTC", null);

		assertThat(describe(at("2026-11-23T10:15:00Z").next(everyQuarter, 2)))
			.containsExactly("2026-11-23T10:30Z[UTC] | 2026-11-23T10:30", "2026-11-23T10:45Z[UTC] | 2026-11-23T10:45");
	}

	@Test
	void withoutACalendarADailyScheduleFiresEveryDay() {
		ScheduleDefinition daily = schedule(new Daily(LocalTime.of(13, 0)), "Europe/Brussels", null);

		assertThat(describe(at("2026-11-20T12:30:00Z").next(daily, 3))).containsExactly(
				"2026-11-21T13:00+01:00[Europe/Brussels] | 2026-11-21",
				"2026-11-22T13:00+01:00[Europe/Brussels] | 2026-11-22",
				"2026-11-23T13:00+01:00[Europe/Brussels] | 2026-11-23");
	}

	@Test
	void aDailyScheduleSkipsWeekendsAndEasterOfItsCalendar() {
		ScheduleDefinition dailyNormal = schedule(new Daily(LocalTime.of(13, 0)), "Europe/Brussels", "target");

		// Thursday before Easter, after 13:00: Good Friday, the weekend and Easter Monday
		// join Tuesday's run.
		assertThat(describe(at("2026-04-02T12:00:00Z").next(dailyNormal, 5))).containsExactly(
				"2026-04-07T13:00+02:00[Europe/Brussels] | 2026-04-07",
				"2026-04-08T13:00+02:00[Europe/Brussels] | 2026-04-08",
				"2026-04-09T13:00+02:00[Europe/Brussels] | 2026-04-09",
				"2026-04-10T13:00+02:00[Europe/Brussels] | 2026-04-10",
				"2026-04-13T13:00+02:00[Europe/Brussels] | 2026-04-13");
	}

	@Test
	void aWeeklyFireOnAHolidayMovesToTheNextBusinessDayAndKeepsItsWeek() {
		ScheduleDefinition weeklyLow = schedule(new Weekly(DayOfWeek.MONDAY, LocalTime.of(7, 0)), "Europe/Brussels",
				"target");

		assertThat(describe(at("2026-04-01T00:00:00Z").next(weeklyLow, 3))).containsExactly(
				"2026-04-07T07:00+02:00[Europe/Brussels] | 2026-W15 (scheduled 2026-04-06)",
				"2026-04-13T07:00+02:00[Europe/Brussels] | 2026-W16",
				"2026-04-20T07:00+02:00[Europe/Brussels] | 2026-W17");
	}

	@Test
	void aFireScheduledOnAHolidayBeforeNowCanStillBeAhead() {
		ScheduleDefinition weeklyFriday = schedule(new Weekly(DayOfWeek.FRIDAY, LocalTime.of(9, 0)), "Europe/Brussels",
				"target");

		// Saturday after Good Friday: that Friday's run waits for Tuesday (Easter Monday
		// is
		// closed too).
		assertThat(describe(at("2026-04-04T12:00:00Z").next(weeklyFriday, 2))).containsExactly(
				"2026-04-07T09:00+02:00[Europe/Brussels] | 2026-W14 (scheduled 2026-04-03)",
				"2026-04-10T09:00+02:00[Europe/Brussels] | 2026-W15");
	}

	@Test
	void aMonthEndOnAWeekendRunsInTheNextMonthForItsOwnMonth() {
		ScheduleDefinition monthEnd = schedule(new Monthly(DayOfMonth.LAST, LocalTime.of(18, 0)), "Europe/Brussels",
				"target");

		assertThat(describe(at("2026-10-15T00:00:00Z").next(monthEnd, 4))).containsExactly(
				"2026-11-02T18:00+01:00[Europe/Brussels] | 2026-10 (scheduled 2026-10-31)",
				"2026-11-30T18:00+01:00[Europe/Brussels] | 2026-11",
				"2026-12-31T18:00+01:00[Europe/Brussels] | 2026-12",
				"2027-02-01T18:00+01:00[Europe/Brussels] | 2027-01 (scheduled 2027-01-31)");
	}

	@Test
	void aMonthlyFireOnNewYearsDayMovesPastTheWeekend() {
		ScheduleDefinition monthlyOps = schedule(new Monthly(new DayOfMonth(1), LocalTime.of(6, 0)), "Europe/Brussels",
				"target");

		assertThat(describe(at("2026-12-15T00:00:00Z").next(monthlyOps, 2))).containsExactly(
				"2027-01-04T06:00+01:00[Europe/Brussels] | 2027-01 (scheduled 2027-01-01)",
				"2027-02-01T06:00+01:00[Europe/Brussels] | 2027-02");
	}

	@Test
	void englandClosesForTheSubstituteBoxingDay() {
		ScheduleDefinition bacs = schedule(new Daily(LocalTime.of(10, 0)), "Europe/London", "england");

		assertThat(describe(at("2026-12-23T12:00:00Z").next(bacs, 2))).containsExactly(
				"2026-12-24T10:00Z[Europe/London] | 2026-12-24", "2026-12-29T10:00Z[Europe/London] | 2026-12-29");
	}

	@Test
	void theFederalReserveIsOpenTheFridayBeforeASaturdayHoliday() {
		ScheduleDefinition ach = schedule(new Cron("0 0 15 ? * MON-FRI"), "America/New_York", "us-federal-reserve");

		assertThat(describe(at("2026-07-02T20:00:00Z").next(ach, 2))).containsExactly(
				"2026-07-03T15:00-04:00[America/New_York] | 2026-07-03T15:00",
				"2026-07-06T15:00-04:00[America/New_York] | 2026-07-06T15:00");
	}

	@Test
	void aCronFireOnAHolidayJoinsTheNextBusinessDaysFireAtTheSameTime() {
		ScheduleDefinition ach = schedule(new Cron("0 0 15 ? * MON-FRI"), "America/New_York", "us-federal-reserve");

		assertThat(describe(at("2026-11-25T21:00:00Z").next(ach, 2))).containsExactly(
				"2026-11-27T15:00-05:00[America/New_York] | 2026-11-27T15:00",
				"2026-11-30T15:00-05:00[America/New_York] | 2026-11-30T15:00");
	}

	@Test
	void aCronFireOnAHolidayWithNoFireToJoinKeepsItsOwnSlot() {
		ScheduleDefinition saturdays = schedule(new Cron("0 0 12 ? * SAT"), "Europe/Brussels", "target");

		assertThat(describe(at("2026-11-20T00:00:00Z").next(saturdays, 1)))
			.containsExactly("2026-11-23T12:00+01:00[Europe/Brussels] | 2026-11-21T12:00 (scheduled 2026-11-21)");
	}

	@Test
	void anAsapScheduleWithACalendarWaitsForTheNextBusinessDay() {
		ScheduleDefinition everyMinute = schedule(new Asap(Duration.ofMinutes(1)), "Europe/Brussels", "target");

		// Christmas Day evening: closed until Monday the 28th; the minutes of the closed
		// days
		// join Monday's own.
		assertThat(describe(at("2026-12-25T18:00:00Z").next(everyMinute, 2))).containsExactly(
				"2026-12-28T00:00+01:00[Europe/Brussels] | 2026-12-28T00:00",
				"2026-12-28T00:01+01:00[Europe/Brussels] | 2026-12-28T00:01");
	}

	@Test
	void aLocalTimeStaysPutAcrossADaylightSavingChange() {
		ScheduleDefinition daily = schedule(new Daily(LocalTime.of(9, 0)), "Europe/Berlin", null);

		List<ScheduledFire> fires = at("2026-03-28T12:00:00Z").next(daily, 2);

		assertThat(fires).extracting(fire -> fire.fireTime().toInstant())
			.containsExactly(Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
		assertThat(describe(at("2026-03-27T12:00:00Z").next(daily, 1)))
			.containsExactly("2026-03-28T09:00+01:00[Europe/Berlin] | 2026-03-28");
	}

	@Test
	void aTimeTheClocksSkipDoesNotFireThatDayAsInQuartz() {
		// daily/weekly/monthly refuse 02:30 in Europe/Berlin for this reason; a cron may
		// say it.
		ScheduleDefinition halfPastTwo = schedule(new Cron("0 30 2 * * ?"), "Europe/Berlin", null);

		assertThat(describe(at("2026-03-28T12:00:00Z").next(halfPastTwo, 2))).containsExactly(
				"2026-03-30T02:30+02:00[Europe/Berlin] | 2026-03-30T02:30",
				"2026-03-31T02:30+02:00[Europe/Berlin] | 2026-03-31T02:30");
	}

	@Test
	void aTimeThatHappensTwiceFiresOnceAtItsSecondOccurrence() {
		ScheduleDefinition halfPastOne = schedule(new Daily(LocalTime.of(1, 30)), "America/New_York", null);

		assertThat(describe(at("2026-10-31T12:00:00Z").next(halfPastOne, 2))).containsExactly(
				"2026-11-01T01:30-05:00[America/New_York] | 2026-11-01",
				"2026-11-02T01:30-05:00[America/New_York] | 2026-11-02");
	}

	@Test
	void anHourlyAsapScheduleLosesTheSkippedHourAndNoSlotRepeats() {
		ScheduleDefinition hourly = schedule(new Asap(Duration.ofHours(1)), "Europe/Berlin", null);

		// Spring: 02:00 does not exist. Autumn: 02:00 happens twice and fires once, at
		// 02:00+01:00 (01:00Z), not at 02:00+02:00 (00:00Z).

		assertThat(describe(at("2026-03-28T23:30:00Z").next(hourly, 3))).containsExactly(
				"2026-03-29T01:00+01:00[Europe/Berlin] | 2026-03-29T01:00",
				"2026-03-29T03:00+02:00[Europe/Berlin] | 2026-03-29T03:00",
				"2026-03-29T04:00+02:00[Europe/Berlin] | 2026-03-29T04:00");
		assertThat(describe(at("2026-10-24T22:30:00Z").next(hourly, 3))).containsExactly(
				"2026-10-25T01:00+02:00[Europe/Berlin] | 2026-10-25T01:00",
				"2026-10-25T02:00+01:00[Europe/Berlin] | 2026-10-25T02:00",
				"2026-10-25T03:00+01:00[Europe/Berlin] | 2026-10-25T03:00");
	}

	@Test
	void theZoneDecidesTheInstant() {
		ScheduleDefinition newYork = schedule(new Daily(LocalTime.of(18, 30)), "America/New_York", null);
		ScheduleDefinition tokyo = schedule(new Daily(LocalTime.of(18, 30)), "Asia/Tokyo", null);
		NextFireTimes times = at("2026-07-01T00:00:00Z");

		assertThat(times.next(newYork, 1).get(0).fireTime().toInstant()).isEqualTo("2026-07-01T22:30:00Z");
		assertThat(times.next(tokyo, 1).get(0).fireTime().toInstant()).isEqualTo("2026-07-01T09:30:00Z");
		assertThat(at("2026-12-01T00:00:00Z").next(newYork, 1).get(0).fireTime().toInstant())
			.isEqualTo("2026-12-01T23:30:00Z");
	}

	@Test
	void listsTheShippedSchedulesFiveFiresAhead() {
		List<ScheduleDefinition> shipped = SchedulesFile.read(java.nio.file.Path.of("jobs/schedules.yaml"),
				SchedulesFileTests.JOBS, CALENDARS.names());
		NextFireTimes times = at("2026-11-23T10:00:00Z");

		assertThat(shipped).allSatisfy(schedule -> assertThat(times.next(schedule, 5)).hasSize(5)
			.isSortedAccordingTo(java.util.Comparator.comparing(ScheduledFire::fireTime)));
		assertThat(describe(times.next(shipped.get(4), 2))).containsExactly(
				"2026-12-01T06:00+01:00[Europe/Brussels] | 2026-12",
				"2027-01-04T06:00+01:00[Europe/Brussels] | 2027-01 (scheduled 2027-01-01)");
	}

	@Test
	void refusesToCountToZero() {
		ScheduleDefinition daily = schedule(new Daily(LocalTime.NOON), "UTC", null);

		assertThatIllegalArgumentException().isThrownBy(() -> at("2026-11-23T10:00:00Z").next(daily, 0))
			.withMessage("count must be at least 1, got 0");
	}

}
