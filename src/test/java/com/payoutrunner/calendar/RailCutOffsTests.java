package com.payoutrunner.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.TableFormatException;

class RailCutOffsTests {

	private static final BusinessCalendars CALENDARS = BusinessCalendars.standard();

	private static final RailCutOffs REAL = RailCutOffs.load(Path.of("config/calendars/rail-cutoffs.csv"), CALENDARS);

	private static final String HEADER = "rail,cut_off,zone,calendar,notes\n";

	@TempDir
	Path dir;

	private Path write(String rows) throws IOException {
		return Files.writeString(dir.resolve("rail-cutoffs.csv"), HEADER + rows);
	}

	@Test
	void theRealTableHasSepaAchAndBacs() {
		assertThat(REAL.rails()).containsExactly("SEPA", "ACH", "BACS");
		RailCutOff sepa = REAL.forRail("SEPA").orElseThrow();
		assertThat(sepa.cutOff()).isEqualTo(LocalTime.of(15, 0));
		assertThat(sepa.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
		assertThat(sepa.calendar().name()).isEqualTo("target");
		assertThat(sepa.rule()).isEqualTo("rail-cutoffs.csv:2");
		assertThat(REAL.forRail("ZENGIN")).isEmpty();
	}

	@ParameterizedTest(name = "{0} at {1}: {2} ({3})")
	@CsvSource(delimiter = '|',
			textBlock = """
					SEPA | 2026-11-23T13:59:59Z | 2026-11-23 | Monday 14:59:59 in Brussels: today
					SEPA | 2026-11-23T14:00:00Z | 2026-11-24 | at the cut-off exactly: next business day
					SEPA | 2026-07-01T12:59:00Z | 2026-07-01 | summer time: 14:59 in Brussels
					SEPA | 2026-07-01T13:00:00Z | 2026-07-02 | summer time: 15:00 in Brussels
					SEPA | 2026-11-27T15:00:00Z | 2026-11-30 | Friday after the cut-off: Monday
					SEPA | 2026-11-28T09:00:00Z | 2026-11-30 | Saturday morning: Monday
					SEPA | 2026-04-02T14:00:00Z | 2026-04-07 | Thursday before Easter, late: Good Friday and Easter Monday are closed
					SEPA | 2026-04-03T08:00:00Z | 2026-04-07 | Good Friday morning
					SEPA | 2026-12-31T10:00:00Z | 2026-12-31 | New Year's Eve is open in TARGET
					ACH  | 2026-11-25T21:44:00Z | 2026-11-25 | 16:44 in New York
					ACH  | 2026-11-25T21:45:00Z | 2026-11-27 | 16:45 the day before Thanksgiving
					ACH  | 2026-11-24T03:00:00Z | 2026-11-24 | already the 24th in UTC, 22:00 on the 23rd in New York
					ACH  | 2026-07-02T20:45:00Z | 2026-07-03 | the Friday before a Saturday Independence Day is open
					ACH  | 2026-10-12T14:00:00Z | 2026-10-13 | Columbus Day
					BACS | 2026-12-24T14:59:00Z | 2026-12-24 | Christmas Eve before the cut-off
					BACS | 2026-12-24T15:00:00Z | 2026-12-29 | then Christmas, the weekend and Boxing Day's substitute
					BACS | 2026-08-28T14:00:00Z | 2026-09-01 | Friday 15:00 summer time, then the summer bank holiday
					""")
	void givesTheValueDateOfAPayoutHandedOverAtAnInstant(String rail, Instant at, LocalDate valueDate, String what) {
		assertThat(REAL.forRail(rail).orElseThrow().valueDate(at)).as(what).isEqualTo(valueDate);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					lowercase rail   | sepa,15:00,Europe/Brussels,target,      | 2 column 'rail': rail 'sepa' must be UPPER_SNAKE_CASE
					seconds          | SEPA,15:00:00,Europe/Brussels,target,   | 2 column 'cut_off': '15:00:00' must be HH:mm on a 24-hour clock, such as 15:00
					12-hour time     | SEPA,3pm,Europe/Brussels,target,        | 2 column 'cut_off': '3pm' must be HH:mm on a 24-hour clock, such as 15:00
					unknown zone     | SEPA,15:00,Europe/Brussel,target,       | 2 column 'zone': unknown time zone 'Europe/Brussel'
					fixed offset     | SEPA,15:00,+01:00,target,               | 2 column 'zone': '+01:00' is a fixed offset: use a region such as Europe/Brussels
					unknown calendar | SEPA,15:00,Europe/Brussels,ecb,         | 2 column 'calendar': unknown calendar 'ecb' (known: [target, england, us-federal-reserve])
					no calendar      | SEPA,15:00,Europe/Brussels,,            | 2 column 'calendar': value is required
					""")
	void reportsABadRowWithFileLineAndColumn(String description, String row, String where) throws IOException {
		Path file = write(row + "\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> RailCutOffs.load(file, CALENDARS))
			.withMessage(file + ":" + where);
	}

	@Test
	void rejectsARailListedTwice() throws IOException {
		Path file = write("SEPA,15:00,Europe/Brussels,target,\nACH,16:45,America/New_York,us-federal-reserve,\n"
				+ "SEPA,16:00,Europe/Brussels,target,\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> RailCutOffs.load(file, CALENDARS))
			.withMessage(file + ":4 column 'rail': rail SEPA appears twice");
	}

	@Test
	void requiresTheCalendarColumn() throws IOException {
		Path file = Files.writeString(dir.resolve("cutoffs.csv"), "rail,cut_off,zone\nSEPA,15:00,Europe/Brussels\n");

		assertThatExceptionOfType(TableFormatException.class).isThrownBy(() -> RailCutOffs.load(file, CALENDARS))
			.withMessage(file + ":1 column 'calendar': required column is missing (header: [rail, cut_off, zone])");
	}

}
