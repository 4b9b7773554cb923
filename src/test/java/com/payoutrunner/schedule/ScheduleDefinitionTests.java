package com.payoutrunner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.schedule.ScheduleTrigger.Asap;
import com.payoutrunner.schedule.ScheduleTrigger.Daily;
import com.payoutrunner.schedule.ScheduleTrigger.Weekly;

class ScheduleDefinitionTests {

	static ScheduleDefinition schedule(ScheduleTrigger trigger, String zone) {
		return new ScheduleDefinition("test", "payoutRunJob", trigger, ZoneId.of(zone), MisfirePolicy.FIRE_ONCE_NOW,
				true, Optional.empty(), Map.of());
	}

	@Test
	void theSlotIsTakenInTheSchedulesZone() {
		Instant fire = Instant.parse("2026-11-23T23:30:00Z");

		assertThat(schedule(new Daily(LocalTime.of(0, 30)), "Europe/Paris").slotFor(fire)).isEqualTo("2026-11-24");
		assertThat(schedule(new Daily(LocalTime.of(18, 30)), "America/New_York").slotFor(fire)).isEqualTo("2026-11-23");
		assertThat(schedule(new Asap(Duration.ofMinutes(15)), "Asia/Kolkata").slotFor(fire))
			.isEqualTo("2026-11-24T05:00");
		assertThat(schedule(new Weekly(DayOfWeek.MONDAY, LocalTime.of(0, 30)), "Pacific/Auckland").slotFor(fire))
			.isEqualTo("2026-W48");
	}

	@Test
	void twoInstancesComputeTheSameSlotForTheSameFire() {
		ScheduleDefinition one = schedule(new Asap(Duration.ofMinutes(1)), "UTC");
		ScheduleDefinition other = schedule(new Asap(Duration.ofMinutes(1)), "UTC");
		Instant fire = Instant.parse("2026-11-23T10:15:00Z");

		assertThat(one.slotFor(fire)).isEqualTo(other.slotFor(fire.plusMillis(999))).isEqualTo("2026-11-23T10:15");
	}

	@ParameterizedTest(name = "{1} {0}")
	@CsvSource({ "02:30, Europe/Berlin, 02:00, 03:00", "02:00, America/New_York, 02:00, 03:00",
			"01:59, Europe/London, 01:00, 02:00", "00:30, America/Santiago, 00:00, 01:00" })
	void refusesATimeThatDaylightSavingSkips(LocalTime at, String zone, String from, String to) {
		assertThatIllegalArgumentException().isThrownBy(() -> schedule(new Daily(at), zone))
			.withMessage("time " + at + " does not exist in " + zone
					+ " on the day daylight saving time starts (clocks go from " + from + " to " + to
					+ "), and Quartz would skip that day: choose a time outside " + from + "-" + to);
	}

	@ParameterizedTest(name = "{1} {0}")
	@CsvSource({ "03:00, Europe/Berlin", "01:59, Europe/Berlin", "02:30, Asia/Tokyo", "02:30, UTC",
			"01:30, America/New_York" })
	void acceptsATimeThatExistsEveryDayOrHappensTwiceOnce(LocalTime at, String zone) {
		assertThat(schedule(new Daily(at), zone).trigger()).isEqualTo(new Daily(at));
	}

	@Test
	void refusesAFixedOffsetZone() {
		assertThatIllegalArgumentException().isThrownBy(() -> schedule(new Daily(LocalTime.NOON), "+02:00"))
			.withMessage("zone '+02:00' is a fixed offset: use a region such as Europe/Paris, or UTC");
		assertThat(schedule(new Daily(LocalTime.NOON), "Z").zone()).isEqualTo(ZoneId.of("Z"));
	}

	@ParameterizedTest
	@CsvSource({ "Daily", "daily-", "-daily", "daily--normal", "daily_normal", "1daily", "''" })
	void refusesABadName(String name) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleDefinition(name, "payoutRunJob", new Daily(LocalTime.NOON), ZoneId.of("UTC"),
					MisfirePolicy.SKIP, true, Optional.empty(), Map.of()))
			.withMessageStartingWith("name '" + name + "' must be lower-case letters and digits");
	}

	@Test
	void refusesTheParametersTheSchedulerSets() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ScheduleDefinition("a", "payoutRunJob", new Daily(LocalTime.NOON), ZoneId.of("UTC"),
					MisfirePolicy.SKIP, true, Optional.empty(), Map.of("schedule", "b")))
			.withMessage("parameter 'schedule' is set by the scheduler for every fire");
	}

	@Test
	void misfirePoliciesMapToQuartzInstructions() {
		assertThat(MisfirePolicy.fromCode("fire-once-now").quartzInstruction())
			.isEqualTo(org.quartz.CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
		assertThat(MisfirePolicy.fromCode("skip").quartzInstruction())
			.isEqualTo(org.quartz.CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
		assertThatIllegalArgumentException().isThrownBy(() -> MisfirePolicy.fromCode("FIRE_ONCE_NOW"))
			.withMessage("unknown misfire policy 'FIRE_ONCE_NOW' (expected fire-once-now or skip)");
	}

}
