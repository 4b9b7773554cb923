package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.schedule.ScheduleTrigger.Asap;
import com.payoutrunner.schedule.ScheduleTrigger.Cron;
import com.payoutrunner.schedule.ScheduleTrigger.Daily;
import com.payoutrunner.schedule.ScheduleTrigger.DayOfMonth;
import com.payoutrunner.schedule.ScheduleTrigger.Monthly;
import com.payoutrunner.schedule.ScheduleTrigger.Weekly;

class SchedulesFileTests {

	static final Set<String> JOBS = Set.of("payoutRunJob", "importPayoutsJob");

	static final Set<String> CALENDARS = Set.of("target", "england", "us-federal-reserve");

	private static final Path FIXTURES = Path.of("src/test/resources/schedules");

	private static List<ScheduleDefinition> parse(String yaml) {
		return SchedulesFile.parse("jobs/schedules.yaml", new StringReader(yaml), JOBS, CALENDARS,
				SchedulesFile.JobParameterRules.ANY);
	}

	private static List<String> problems(String yaml) {
		return assertThatExceptionOfType(SchedulesFileException.class).isThrownBy(() -> parse(yaml))
			.actual()
			.problems();
	}

	@Test
	void readsEveryTriggerKind() {
		List<ScheduleDefinition> schedules = SchedulesFile.read(FIXTURES.resolve("all-kinds.yaml"), JOBS, CALENDARS);

		assertThat(schedules).containsExactly(
				new ScheduleDefinition("every-five-minutes", "payoutRunJob", new Asap(Duration.ofMinutes(5)),
						ZoneId.of("UTC"), MisfirePolicy.SKIP, true, Optional.empty(), Map.of("priorities", "instant")),
				new ScheduleDefinition("daily-unquoted-time", "payoutRunJob", new Daily(LocalTime.of(9, 30)),
						ZoneId.of("Europe/Berlin"), MisfirePolicy.FIRE_ONCE_NOW, true, Optional.of("target"), Map.of()),
				new ScheduleDefinition("weekly-friday", "payoutRunJob",
						new Weekly(DayOfWeek.FRIDAY, LocalTime.of(17, 0)), ZoneId.of("Europe/London"),
						MisfirePolicy.FIRE_ONCE_NOW, false, Optional.of("england"), Map.of()),
				new ScheduleDefinition("monthly-last", "importPayoutsJob",
						new Monthly(DayOfMonth.LAST, LocalTime.of(23, 45)), ZoneId.of("America/New_York"),
						MisfirePolicy.FIRE_ONCE_NOW, true, Optional.of("us-federal-reserve"), Map.of()),
				new ScheduleDefinition("cron-weekdays", "payoutRunJob", new Cron("0 30 6 ? * MON-FRI"),
						ZoneId.of("Asia/Tokyo"), MisfirePolicy.FIRE_ONCE_NOW, true, Optional.empty(),
						Map.of("currencies", "JPY", "business.note", "no: kept as text")));
	}

	@Test
	void reportsEveryProblemOfTheFileAtOnceInLineOrder() {
		Path file = FIXTURES.resolve("many-problems.yaml");

		assertThatExceptionOfType(SchedulesFileException.class)
			.isThrownBy(() -> SchedulesFile.read(file, JOBS, CALENDARS))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(file
					+ " line 6: schedule 'daily-normal': unknown time zone 'Europe/Pariss' (a region such as Europe/Paris, or UTC)",
					file + " line 7: schedule 'daily-normal': unknown misfire policy 'later' (expected fire-once-now or skip)",
					file + " line 8: schedule 'Daily_Normal': name must be lower-case letters and digits in words joined by single dashes (such as daily-normal), at most 64 characters",
					file + " line 9: schedule 'Daily_Normal': unknown job 'payoutJob' (known: importPayoutsJob, payoutRunJob)",
					file + " line 10: schedule 'Daily_Normal': unknown trigger 'hourly' (expected asap, daily, weekly, monthly, cron)",
					file + " line 12: schedule 'Daily_Normal': unknown key 'calender' (expected name, job, trigger, zone, calendar, misfire, enabled, parameters)",
					file + " line 13: schedule 'daily-normal': name is already used by the schedule on line 2",
					file + " line 16: schedule 'daily-normal': interval 7m must divide a minute (1s 2s 5s 10s 15s 20s 30s), an hour (1m 2m 3m 4m 5m 6m 10m 12m 15m 20m 30m) or a day (1h 2h 3h 4h 6h 8h 12h)",
					file + " line 17: schedule 'daily-normal': key 'at' does not go with trigger asap (which takes interval)",
					file + " line 19: schedule 'daily-normal': unknown calendar 'nyse' (known: england, target, us-federal-reserve)",
					file + " line 20: schedule 'daily-normal': 'enabled' must be true or false",
					file + " line 22: schedule 'daily-normal': parameter 'priorities' must be a string, not a list (write a list as one string: EUR,GBP)",
					file + " line 23: schedule 'daily-normal': parameter 'limit' must be a string: quote 500",
					file + " line 24: schedule 'daily-normal': parameter 'slot' is set by the scheduler for every fire",
					file + " line 28: schedule 'cron-bad': cron '0 0 12 * * MON' is not a Quartz cron expression: Support for specifying both a day-of-week AND a day-of-month parameter is not implemented. (fields: second minute hour day-of-month month day-of-week [year])",
					file + " line 29: schedule 'cron-bad': zone '+02:00' is a fixed offset: use a region such as Europe/Paris, or UTC",
					file + " line 30: schedule 'weekly-bad': 'at' is required",
					file + " line 33: schedule 'weekly-bad': day 'someday' must be a day of the week, monday to sunday",
					file + " line 38: schedule 'monthly-bad': day 31 must be 1 to 28 or last (29 to 31 do not exist in every month)",
					file + " line 39: schedule 'monthly-bad': time '25:00' must be HH:mm on a 24-hour clock, such as 09:00",
					file + " line 44: schedule 'spring-gap': time 02:30 does not exist in Europe/Berlin on the day daylight saving time starts (clocks go from 02:00 to 03:00), and Quartz would skip that day: choose a time outside 02:00-03:00"))
			.satisfies(ex -> assertThat(ex.getMessage()).isEqualTo(String.join("\n", ex.problems())));
	}

	@Test
	void namesTheLineOfAnUnknownTimeZone() {
		String yaml = """
				schedules:
				  - name: daily-normal
				    job: payoutRunJob
				    trigger: daily
				    at: "13:00"
				    zone: Europe/Pariss
				""";

		assertThatExceptionOfType(SchedulesFileException.class).isThrownBy(() -> parse(yaml))
			.withMessage("jobs/schedules.yaml line 6: schedule 'daily-normal': unknown time zone 'Europe/Pariss'"
					+ " (a region such as Europe/Paris, or UTC)");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					no name       | '  - job: payoutRunJob\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC'             | line 2: schedule #1: 'name' is required
					no job        | '  - name: a\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC'                       | line 2: schedule 'a': 'job' is required
					no zone       | '  - name: a\\n    job: payoutRunJob\\n    trigger: daily\\n    at: \"10:00\"'                | line 2: schedule 'a': 'zone' is required
					no trigger    | '  - name: a\\n    job: payoutRunJob\\n    zone: UTC'                                         | line 2: schedule 'a': 'trigger' is required
					empty job     | '  - name: a\\n    job:\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC'                | line 3: schedule 'a': 'job' has no value
					job list      | '  - name: a\\n    job: [payoutRunJob]\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC'  | line 3: schedule 'a': 'job' must be a single value, not a list
					bad interval  | '  - name: a\\n    job: payoutRunJob\\n    trigger: asap\\n    interval: 1 minute\\n    zone: UTC' | line 5: schedule 'a': interval '1 minute' must be a number of seconds, minutes or hours, such as 10s, 1m, 15m or 2h
					no cron       | '  - name: a\\n    job: payoutRunJob\\n    trigger: cron\\n    zone: UTC'                       | line 2: schedule 'a': 'cron' is required
					12-hour time  | '  - name: a\\n    job: payoutRunJob\\n    trigger: daily\\n    at: 9am\\n    zone: UTC'          | line 5: schedule 'a': time '9am' must be HH:mm on a 24-hour clock, such as 09:00
					twice a key   | '  - name: a\\n    job: payoutRunJob\\n    job: payoutRunJob\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC' | line 4: schedule #1: key 'job' appears twice
					bad parameter | '  - name: a\\n    job: payoutRunJob\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC\\n    parameters:\\n      Max-Amount: \"5\"' | line 8: schedule 'a': parameter name 'Max-Amount' must be lower-case words (letters, digits, _) joined by dots
					no-quote bool | '  - name: a\\n    job: payoutRunJob\\n    trigger: daily\\n    at: \"10:00\"\\n    zone: UTC\\n    parameters:\\n      netting: no' | line 8: schedule 'a': parameter 'netting' must be a string: quote no
					not a mapping | '  - daily-normal'                                                                          | line 2: schedule #1: must be a mapping of keys (name, job, trigger, ...)
					""")
	void reportsAProblemWithItsLine(String description, String entry, String problem) {
		String yaml = "schedules:\n" + entry.replace("\\n", "\n") + "\n";

		assertThat(problems(yaml)).containsExactly("jobs/schedules.yaml " + problem);
	}

	@Test
	void reportsAFileThatIsNotYaml() {
		assertThat(problems("schedules:\n  - name: a\n   job: [\n")).singleElement()
			.asString()
			.startsWith("jobs/schedules.yaml line 3: not valid YAML: ");
	}

	@Test
	void reportsAFileWithoutTheSchedulesList() {
		assertThat(problems("")).containsExactly("jobs/schedules.yaml: is empty; expected a 'schedules:' list");
		assertThat(problems("# nothing\n"))
			.containsExactly("jobs/schedules.yaml: is empty; expected a 'schedules:' list");
		assertThat(problems("- name: a\n")).containsExactly("jobs/schedules.yaml line 1: expected a 'schedules:' list");
		assertThat(problems("schedules: daily\n")).containsExactly(
				"jobs/schedules.yaml line 1: 'schedules' must be a list of schedules, each starting with '- name:'");
		assertThat(problems("schedules: []\ntimezone: UTC\n"))
			.containsExactly("jobs/schedules.yaml line 2: unknown key 'timezone' (expected only 'schedules')");
	}

	@Test
	void anEmptyListSchedulesNothing() {
		assertThat(parse("schedules: []\n")).isEmpty();
		assertThat(parse("schedules:\n")).isEmpty();
	}

	@Test
	void reportsAMissingFileWithTheWorkingDirectory() {
		Path file = FIXTURES.resolve("absent.yaml");

		assertThatExceptionOfType(SchedulesFileException.class)
			.isThrownBy(() -> SchedulesFile.read(file, JOBS, CALENDARS))
			.withMessageStartingWith(file + ": cannot be read (")
			.withMessageContaining("working directory ");
	}

	@Test
	void readsTheShippedSchedules() {
		List<ScheduleDefinition> schedules = SchedulesFile.read(Path.of("jobs/schedules.yaml"), JOBS, CALENDARS);

		assertThat(schedules).extracting(ScheduleDefinition::name)
			.containsExactly("asap-instant", "daily-priority", "daily-normal", "weekly-low", "monthly-ops",
					"ach-afternoon");
		assertThat(schedules).extracting(schedule -> schedule.trigger().quartzCron())
			.containsExactly("0 0/1 * * * ?", "0 0 8 * * ?", "0 0 13 * * ?", "0 0 7 ? * MON", "0 0 6 1 * ?",
					"0 0 15 ? * MON-FRI");
		assertThat(schedules).extracting(ScheduleDefinition::enabled)
			.containsExactly(true, true, true, true, true, false);
		assertThat(schedules).extracting(schedule -> schedule.parameters().get("priorities"))
			.containsExactly("instant", "priority", "normal", "low", "normal,low", "normal");
		assertThat(schedules).allSatisfy(schedule -> assertThat(schedule.job()).isEqualTo("payoutRunJob"));
	}

	@Test
	void theShippedCalendarsAreTheStandardOnes() {
		assertThat(BusinessCalendars.standard().names()).containsExactlyInAnyOrderElementsOf(CALENDARS);
	}

}
