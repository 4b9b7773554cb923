package com.payoutrunner.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class NachaFileTests {

	static final NachaFile.Originator ORIGINATOR = new NachaFile.Originator("021000021", "JPMORGAN CHASE", "011000015",
			"FED RESERVE BOSTON", "PAYOUT RUNNER", "1234567890");

	static final List<NachaFile.Credit> CREDITS = List.of(
			new NachaFile.Credit("021000021", "8811372935", 906743L, "INV-0013", "Eleni Tan"),
			new NachaFile.Credit("011000015", "0973519254", 649734L, "INV-0012", "Mikko Carter"),
			new NachaFile.Credit("026009593", "703448793222", 310256L, "INV-0036", "Astrid Carter"));

	static String file() {
		return NachaFile.write(ORIGINATOR, 1, "PAYOUT", LocalDate.of(2026, 11, 24),
				LocalDateTime.of(2026, 11, 23, 9, 30), CREDITS);
	}

	@Test
	void matchesTheGoldenFile() throws Exception {
		assertThat(file()).isEqualTo(Files.readString(Path.of("src/test/resources/golden/ach-ccd-batch.txt")));
	}

	@Test
	void everyRecordHas94CharactersAndBlocksOfTen() {
		List<String> records = file().lines().toList();

		assertThat(records).hasSize(10).allSatisfy(record -> assertThat(record).hasSize(94));
		assertThat(records).extracting(record -> record.charAt(0))
			.containsExactly('1', '5', '6', '6', '6', '8', '9', '9', '9', '9');
		assertThat(records.subList(7, 10)).containsOnly("9".repeat(94));
	}

	@Test
	void controlRecordsCarryTheEntryHashCountsAndTotals() {
		List<String> records = file().lines().toList();
		String batchControl = records.get(5);
		String fileControl = records.get(6);

		// Entry hash: 02100002 + 01100001 + 02600959 = 05800962.
		assertThat(batchControl.substring(4, 10)).isEqualTo("000003");
		assertThat(batchControl.substring(10, 20)).isEqualTo("0005800962");
		assertThat(batchControl.substring(20, 32)).isEqualTo("000000000000");
		assertThat(batchControl.substring(32, 44)).isEqualTo("000001866733");
		assertThat(fileControl.substring(1, 7)).isEqualTo("000001");
		assertThat(fileControl.substring(7, 13)).isEqualTo("000001");
		assertThat(fileControl.substring(13, 21)).isEqualTo("00000003");
		assertThat(fileControl.substring(21, 31)).isEqualTo("0005800962");
		assertThat(fileControl.substring(43, 55)).isEqualTo("000001866733");
	}

	@Test
	void anEntryPlacesEachFieldAtItsPosition() {
		String entry = file().lines().toList().get(2);

		assertThat(entry.substring(1, 3)).isEqualTo("22");
		assertThat(entry.substring(3, 11)).isEqualTo("02100002");
		assertThat(entry.substring(11, 12)).isEqualTo("1");
		assertThat(entry.substring(12, 29)).isEqualTo("8811372935       ");
		assertThat(entry.substring(29, 39)).isEqualTo("0000906743");
		assertThat(entry.substring(39, 54)).isEqualTo("INV-0013       ");
		assertThat(entry.substring(54, 76)).isEqualTo("ELENI TAN             ");
		assertThat(entry.substring(79, 94)).isEqualTo("011000010000001");
	}

	@Test
	void theSameBatchGivesTheSameBytes() {
		assertThat(file()).isEqualTo(file());
	}

	@Test
	void aRoutingNumberWithABadCheckDigitIsRefusedNamingTheCredit() {
		assertThatThrownBy(() -> NachaFile.write(ORIGINATOR, 1, "PAYOUT", LocalDate.of(2026, 11, 24),
				LocalDateTime.of(2026, 11, 23, 9, 30),
				List.of(new NachaFile.Credit("021000022", "1", 100, "INV-9", "X"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("credit 1 (INV-9): routing number '021000022' is not 9 digits with a valid ABA check digit");
	}

}
