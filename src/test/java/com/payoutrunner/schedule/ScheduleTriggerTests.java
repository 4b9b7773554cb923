package com.payoutrunner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quartz.CronExpression;

import com.payoutrunner.schedule.ScheduleTrigger.Asap;
import com.payoutrunner.schedule.ScheduleTrigger.Cron;
import com.payoutrunner.schedule.ScheduleTrigger.Daily;
import com.payoutrunner.schedule.ScheduleTrigger.DayOfMonth;
import com.payoutrunner.schedule.ScheduleTrigger.Monthly;
import com.payoutrunner.schedule.ScheduleTrigger.Weekly;

class ScheduleTriggerTests {

	private static final LocalTime TEN_FIFTEEN = LocalTime.of(10, 15);

	@Test
	void everyKindIsAQuartzCronExpression() {
		assertThat(new Asap(Duration.ofMinutes(1)).quartzCron()).isEqualTo("0 0/1 * * * ?");
		assertThat(new Asap(Duration.ofMinutes(15)).quartzCron()).isEqualTo("0 0/15 * * * ?");
		assertThat(new Asap(Duration.ofHours(2)).quartzCron()).isEqualTo("0 0 0/2 * * ?");
		assertThat(new Daily(TEN_FIFTEEN).quartzCron()).isEqualTo("0 15 10 * * ?");
		assertThat(new Weekly(DayOfWeek.MONDAY, TEN_FIFTEEN).quartzCron()).isEqualTo("0 15 10 ? * MON");
		assertThat(new Monthly(new DayOfMonth(1), TEN_FIFTEEN).quartzCron()).isEqualTo("0 15 10 1 * ?");
		assertThat(new Monthly(DayOfMonth.LAST, TEN_FIFTEEN).quartzCron()).isEqualTo("0 15 10 L * ?");
		assertThat(new Cron("0 30 6 ? * MON-FRI").quartzCron()).isEqualTo("0 30 6 ? * MON-FRI");
	}

	@Test
	void theQuartzExpressionFiresWhereTheTriggerSays() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		CronExpression lastDay = new Monthly(DayOfMonth.LAST, TEN_FIFTEEN).cronExpression(paris);
		CronExpression sunday = new Weekly(DayOfWeek.SUNDAY, TEN_FIFTEEN).cronExpression(paris);
		Date from = Date.from(Instant.parse("2026-02-01T00:00:00Z"));

		assertThat(lastDay.getNextValidTimeAfter(from).toInstant().atZone(paris))
			.hasToString("2026-02-28T10:15+01:00[Europe/Paris]");
		assertThat(sunday.getNextValidTimeAfter(from).toInstant().atZone(paris))
			.hasToString("2026-02-01T10:15+01:00[Europe/Paris]");
	}

	@ParameterizedTest(name = "{0} at {1}: {2}")
	@CsvSource({ "1m, 2026-11-23T10:15:42, 2026-11-23T10:15", "15m, 2026-11-23T10:29:59, 2026-11-23T10:15",
			"15m, 2026-11-23T10:30, 2026-11-23T10:30", "30m, 2026-11-23T00:00, 2026-11-23T00:00",
			"1h, 2026-11-23T10:59, 2026-11-23T10:00", "6h, 2026-11-23T17:59, 2026-11-23T12:00" })
	void anAsapSlotIsTheFireTimeTruncatedToTheInterval(String interval, LocalDateTime fireTime, String slot) {
		Duration duration = Duration.parse("PT" + interval.toUpperCase());

		assertThat(new Asap(duration).slot(fireTime)).isEqualTo(slot);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "2026-11-23T10:15, 2026-W48", "2026-11-29T23:59, 2026-W48", "2026-11-30T00:00, 2026-W49",
			"2027-01-01T10:15, 2026-W53", "2027-01-04T10:15, 2027-W01", "2025-12-29T10:15, 2026-W01" })
	void aWeeklySlotIsTheIsoWeek(LocalDateTime fireTime, String slot) {
		assertThat(new Weekly(DayOfWeek.MONDAY, TEN_FIFTEEN).slot(fireTime)).isEqualTo(slot);
	}

	@Test
	void dailyMonthlyAndCronSlots() {
		LocalDateTime fireTime = LocalDateTime.parse("2026-11-23T10:15:30");

		assertThat(new Daily(TEN_FIFTEEN).slot(fireTime)).isEqualTo("2026-11-23");
		assertThat(new Monthly(new DayOfMonth(23), TEN_FIFTEEN).slot(fireTime)).isEqualTo("2026-11");
		assertThat(new Cron("0 15 10 ? * MON-FRI").slot(fireTime)).isEqualTo("2026-11-23T10:15");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "7m", "45m", "90m", "5h", "24h", "0m", "7s", "0.5s" })
	void anAsapIntervalMustDivideAMinuteAnHourOrADay(String interval) {
		Duration duration = Duration.parse("PT" + interval.toUpperCase());

		assertThatIllegalArgumentException().isThrownBy(() -> new Asap(duration))
			.withMessageStartingWith("interval ")
			.withMessageEndingWith(
					" must divide a minute (1s 2s 5s 10s 15s 20s 30s), an hour (1m 2m 3m 4m 5m 6m 10m 12m 15m 20m 30m)"
							+ " or a day (1h 2h 3h 4h 6h 8h 12h)");
	}

	@Test
	void anIntervalUnderAMinuteFiresOnTheSecondsAndItsSlotsNameTheSecond() {
		Asap everyTenSeconds = new Asap(Duration.ofSeconds(10));

		assertThat(everyTenSeconds.quartzCron()).isEqualTo("0/10 * * * * ?");
		assertThat(everyTenSeconds.slot(java.time.LocalDateTime.of(2026, 11, 23, 10, 15, 27)))
			.isEqualTo("2026-11-23T10:15:20");
		assertThat(new Asap(Duration.ofMinutes(15)).slot(java.time.LocalDateTime.of(2026, 11, 23, 10, 29, 59)))
			.isEqualTo("2026-11-23T10:15");
	}

	@Test
	void namesABadIntervalAsWritten() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Asap(Duration.ofMinutes(90)))
			.withMessageStartingWith("interval 90m must divide");
		assertThatIllegalArgumentException().isThrownBy(() -> new Asap(Duration.ofSeconds(45)))
			.withMessageStartingWith("interval 45s must divide");
		assertThatIllegalArgumentException().isThrownBy(() -> new Asap(Duration.ofMillis(1500)))
			.withMessageStartingWith("interval PT1.5S must divide");
	}

	@Test
	void aMonthlyDayIsOneToTwentyEightOrLast() {
		assertThat(new DayOfMonth(28)).hasToString("28");
		assertThat(DayOfMonth.LAST).hasToString("last");
		assertThatIllegalArgumentException().isThrownBy(() -> new DayOfMonth(29))
			.withMessage("day 29 must be 1 to 28 or last (29 to 31 do not exist in every month)");
	}

	@Test
	void aTimeIsAWholeMinute() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Daily(LocalTime.of(10, 15, 30)))
			.withMessage("time 10:15:30 must be a whole minute (HH:mm)");
	}

	@Test
	void rejectsAnInvalidCronExpression() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Cron("0 61 * * * ?"))
			.withMessageStartingWith("cron '0 61 * * * ?' is not a Quartz cron expression: ")
			.withMessageEndingWith("(fields: second minute hour day-of-month month day-of-week [year])");
		assertThatIllegalArgumentException().isThrownBy(() -> new Cron("0 0 12 * * MON"))
			.withMessageStartingWith("cron '0 0 12 * * MON' is not a Quartz cron expression: ");
	}

	@Test
	void aCronExpressionFiresAtMostOnceAMinute() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Cron("0/10 * * * * ?"))
			.withMessage(
					"cron '0/10 * * * * ?' must fire at most once a minute: its seconds field must be one number, such as 0");
	}

}
