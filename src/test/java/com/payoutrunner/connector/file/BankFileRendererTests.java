package com.payoutrunner.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.SubmittableLine;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;
import com.payoutrunner.calendar.BusinessCalendars;
import com.payoutrunner.calendar.RailCutOffs;

/**
 * The NACHA file's effective entry date for CCD credits: the batch's own day when the
 * file is made before the Federal Reserve's last Same Day ACH window (16:45 New York) on
 * a Fed business day, else the next Fed business day (config/calendars/rail-cutoffs.csv).
 */
class BankFileRendererTests {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	final BankFileRenderer renderer = new BankFileRenderer(
			new PayoutRunnerProperties.BankFiles(Path.of("out"), Path.of("in"),
					new PayoutRunnerProperties.Sepa("Payout Runner Fund SA", "DE89370400440532013000", "COBADEFFXXX"),
					new PayoutRunnerProperties.Ach("021000021", "JPMORGAN CHASE", "011000015", "PAYOUT RUNNER BANK",
							"PAYOUT RUNNER", "1234567890"),
					Path.of("statements"), Path.of("statements-inbox")),
			RailCutOffs.load(Path.of("config/calendars/rail-cutoffs.csv"), BusinessCalendars.standard()));

	@ParameterizedTest(name = "a file made {0} New York time is effective {1}")
	@CsvSource(textBlock = """
			2026-11-24T16:44:59, 2026-11-24
			2026-11-24T16:45:00, 2026-11-25
			2026-11-24T23:30:00, 2026-11-25
			2026-11-25T17:00:00, 2026-11-27
			2026-11-26T10:00:00, 2026-11-27
			2026-10-09T17:00:00, 2026-10-13
			2026-07-03T10:00:00, 2026-07-03
			2026-11-28T09:00:00, 2026-11-30
			""")
	void theEffectiveEntryDateIsTheBatchDayBeforeTheCutOffElseTheNextFedBusinessDay(String madeAt,
			LocalDate effective) {
		OffsetDateTime createdAt = ZonedDateTime.of(java.time.LocalDateTime.parse(madeAt), NEW_YORK).toOffsetDateTime();

		String file = renderer.render(
				new BankFileRepository.FileBatch(1, "B1-ACH-USD-ach-nacha-file", BankFileFormat.ACH_NACHA, createdAt),
				List.of(aCredit()));

		String batchHeader = file.lines().filter(record -> record.startsWith("5")).findFirst().orElseThrow();
		assertThat(batchHeader.substring(69, 75))
			.isEqualTo(effective.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")));
	}

	private static BankFileLine aCredit() {
		return new BankFileLine(
				new SubmittableLine(1, 7, UUID.randomUUID(), "sending", "LIQ-1/INV-1", "B1-ACH-USD-ach-nacha-file",
						"ach-nacha-file", "ACH", Money.ofMinor(125_00, "USD"), "Olivia Bennett", "US", "ea_1",
						new BankDetails(null, null, "123456789", "021000021", null), null),
				null, LocalDate.of(2026, 11, 1));
	}

}
