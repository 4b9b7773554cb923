package com.payoutrunner.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.core.Fingerprints;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.Sha256;
import com.payoutrunner.payout.BankDetails;
import com.payoutrunner.payout.Priority;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

class ImportPayoutsJobIntegrationTests extends PostgresIntegrationTest {

	static final String HEADER = "investor_id,investor_name,country,payment_method,external_account_id,amount,currency,priority\n";

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	ImportSummaryService summaries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fingerprints fingerprints;

	@TempDir
	Path dir;

	PayoutQueries db;

	String event;

	@BeforeEach
	void setUp() {
		db = new PayoutQueries(jdbc);
		event = TestEvents.unique("IMP");
	}

	@Test
	void sampleFileLoadsEveryRow() throws Exception {
		var result = imports.importFile(event, SampleEvent.FILE);

		ImportSummary summary = summaries.summarize(result.execution());
		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.rows()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(summary.loaded()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(summary.rejected()).isZero();
		assertThat(db.payouts(event)).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(jdbc.sql("""
				SELECT investor_name || '|' || amount_minor || '|' || currency FROM payouts
				WHERE liquidation_event_id = :event AND investor_id = 'INV-0005'""")
			.param("event", event)
			.query(String.class)
			.single()).isEqualTo("Tan, Sofia|216718|USD");
	}

	@Test
	void theSameFileTwiceAddsNothing() throws Exception {
		imports.importFile(event, SampleEvent.FILE);

		var again = imports.importFile(event, SampleEvent.FILE);
		Path copy = Files.copy(SampleEvent.FILE, dir.resolve("copy.csv"));
		var copied = imports.importFile(event, copy);

		assertThat(again.alreadyImported()).isTrue();
		ImportSummary summary = summaries.summarize(copied.execution());
		assertThat(summary.loaded()).isZero();
		assertThat(summary.unchanged()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(summary.rejected()).isZero();
		assertThat(db.payouts(event)).isEqualTo(SampleEvent.PAYOUTS);
	}

	@Test
	void badRowsAreReportedWithLineColumnAndReasonAndTheRestLoad() throws Exception {
		Path file = write("bad-rows.csv", "\uFEFF" + HEADER + "A1,\"Okafor, Chidi\",NG,Wire,ea_1,100.00,USD,normal\n"
				+ "A2,Two,DE,Wire,ea_2,abc,USD,normal\n" + "A3,Three,DE,Wire,ea_3,-5.00,USD,normal\n"
				+ "A4,Four,DE,Wire,ea_4,10.001,USD,normal\n" + "A5,Five,DE,Wire,ea_5,10.00,XYZ,normal\n"
				+ "A6,Six,DEU,Wire,ea_6,10.00,USD,normal\n" + "A1,One again,NG,Wire,ea_1,100.00,USD,normal\n"
				+ "A8,Eight,DE,Wire,ea_8,10.00,USD\n" + "A9,\"Nine\nwith a line break\",FR,Wire,ea_9,10.00,USD,urgent\n"
				+ "A10,Ten,FR,Wire,ea_10,12.50,USD,\n");

		ImportSummary summary = summaries.summarize(imports.importFile(event, file).execution());

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.rows()).isEqualTo(10);
		assertThat(summary.loaded()).isEqualTo(2);
		assertThat(summary.rejected()).isEqualTo(8);
		assertThat(Path.of(summary.importReport())).hasContent(
				"""
						line,column,category,reason\r
						3,amount,invalid_value,amount 'abc' is not a decimal number like 1234.50\r
						4,amount,invalid_value,amount -5.00 USD is negative\r
						5,amount,invalid_value,amount '10.001' has more decimals than USD allows (2)\r
						6,currency,invalid_value,'XYZ' is not an ISO 4217 currency code\r
						7,country,invalid_value,"'DEU' looks like an alpha-3 code; use the ISO 3166 alpha-2 code (e.g. DE, JP)"\r
						8,investor_id,duplicate_in_file,investor A1 already appears on line 2 of this file; the first row was kept\r
						9,,malformed_row,"expected 8 cells like the header, found 7 (a comma inside a value must be quoted)"\r
						10,priority,invalid_value,"priority 'urgent' is not one of instant, priority, normal, low"\r
						""");
		assertThat(
				jdbc.sql("SELECT investor_name FROM payouts WHERE liquidation_event_id = :event ORDER BY investor_id")
					.param("event", event)
					.query(String.class)
					.list())
			.containsExactly("Okafor, Chidi", "Ten");
	}

	@Test
	void aRowInACurrencyNoRailCanPayIsARowErrorAndTheOtherRowsLoad() throws Exception {
		Path file = write("unpayable.csv",
				HEADER + "G1,Gold,DE,Wire,ea_1,10,XAU,normal\n" + "G2,Dinar,DE,Wire,ea_2,100.000,KWD,normal\n"
						+ "G3,Euro,DE,Wire,ea_3,100.00,EUR,normal\n" + "G4,Yen,JP,Wire,ea_4,10000,JPY,normal\n");

		ImportSummary summary = summaries.summarize(imports.importFile(event, file).execution());

		assertThat(summary.loaded()).isEqualTo(2);
		assertThat(summary.rejected()).isEqualTo(2);
		assertThat(Path.of(summary.importReport())).hasContent("""
				line,column,category,reason\r
				2,currency,invalid_value,currency XAU has no FX rate in config/fx/fx-rates.csv\r
				3,currency,invalid_value,currency KWD has no FX rate in config/fx/fx-rates.csv\r
				""");
		assertThat(jdbc.sql("SELECT investor_id FROM payouts WHERE liquidation_event_id = :event ORDER BY investor_id")
			.param("event", event)
			.query(String.class)
			.list()).containsExactly("G3", "G4");
	}

	@Test
	void aRowThatConflictsWithTheStoredPayoutIsRejectedNotMerged() throws Exception {
		imports.importFile(event, write("first.csv", HEADER + "C1,Carla,DE,Wire,ea_1,100.00,USD,normal\n"));

		ImportSummary summary = summaries.summarize(
				imports.importFile(event, write("second.csv", HEADER + "C1,Carla,DE,Wire,ea_1,120.00,USD,normal\n"))
					.execution());

		assertThat(summary.rejectedBreakdown()).containsEntry("conflicts_with_stored", 1L);
		assertThat(Files.readString(Path.of(summary.importReport()))).contains("stored 100.00 USD, file 120.00 USD");
		assertThat(jdbc.sql("SELECT amount_minor FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query(Long.class)
			.single()).isEqualTo(10000L);
	}

	@Test
	void aRowIsFingerprintedWithAKeyAndOneStoredBeforeThatStillReimportsUnchanged() throws Exception {
		String header = HEADER.strip() + ",iban,bic\n";
		String k1 = "K1,Kim,DE,Wire,ea_1,100.00,USD,normal,DE89370400440532013000,DEUTDEFF\n";
		String k2 = "K2,Kai,FR,Wire,ea_2,50.00,USD,low,FR1420041010050500013M02606,PSSTFRPP\n";
		imports.importFile(event, write("first.csv", header + k1 + k2));
		String canonical = ImportRepository.canonical(new ImportedPayout(2, "K1", "Kim", "DE", "Wire", "ea_1",
				Money.ofMinor(10000, "USD"), "USD", false, Priority.NORMAL,
				new BankDetails("DE89370400440532013000", "DEUTDEFF", null, null, null), null));
		assertThat(sourceFingerprint("K1")).isEqualTo(fingerprints.of(canonical))
			.startsWith(Fingerprints.PREFIX)
			.doesNotContain(Sha256.hex(canonical));
		// K1 as stored before fingerprints were keyed: a plain SHA-256.
		jdbc.sql(
				"UPDATE payouts SET source_fingerprint = :legacy WHERE liquidation_event_id = :event AND investor_id = 'K1'")
			.param("legacy", Sha256.hex(canonical))
			.param("event", event)
			.update();

		ImportSummary again = summaries
			.summarize(imports.importFile(event, write("again.csv", header + k2 + k1)).execution());
		ImportSummary changed = summaries.summarize(
				imports.importFile(event, write("changed.csv", header + k1.replace("100.00", "120.00"))).execution());

		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.rejected()).isZero();
		assertThat(changed.rejectedBreakdown()).as("a legacy fingerprint is still compared")
			.containsEntry("conflicts_with_stored", 1L);
		assertThat(sourceFingerprint("K1")).as("left as stored").isEqualTo(Sha256.hex(canonical));
	}

	@Test
	void aMissingRequiredColumnStopsTheImportWithNothingLoaded() throws Exception {
		Path file = write("no-amount.csv",
				"investor_id,investor_name,country,payment_method,external_account_id,currency\n"
						+ "M1,Mia,DE,Wire,ea_1,USD\n");

		var execution = imports.importFile(event, file).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(summaries.summarize(execution).failure()).contains(":1: missing required column(s) amount")
			.contains("nothing was loaded");
		assertThat(db.payouts(event)).isZero();
	}

	@Test
	void aSemicolonSeparatedFileIsRecognisedAsTheWrongDelimiter() throws Exception {
		Path file = write("semicolons.csv", HEADER.replace(',', ';') + "S1;Sam;DE;Wire;ea_1;10.00;USD;normal\n");

		var execution = imports.importFile(event, file).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(summaries.summarize(execution).failure())
			.contains("';'-separated, but the file must be comma-separated");
	}

	@Test
	void anEmptyFileSaysSo() throws Exception {
		var execution = imports.importFile(event, write("empty.csv", "")).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(summaries.summarize(execution).failure()).contains("the file is empty");
	}

	@Test
	void aHeaderOnlyFileCompletesWithNothingToLoad() throws Exception {
		ImportSummary summary = summaries.summarize(imports.importFile(event, write("header.csv", HEADER)).execution());

		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.rows()).isZero();
	}

	private String sourceFingerprint(String investorId) {
		return jdbc
			.sql("SELECT source_fingerprint FROM payouts WHERE liquidation_event_id = :event AND investor_id = :id")
			.param("event", event)
			.param("id", investorId)
			.query(String.class)
			.single();
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
