package com.payoutrunner.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.intake.ImportSummary;
import com.payoutrunner.intake.ImportSummaryService;
import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;

/**
 * Account numbers and IBANs are encrypted at rest: no plaintext in the payouts table, yet
 * a run pays them, a re-import still recognises every row, and legacy plaintext rows
 * still read.
 */
class AccountEncryptionIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	ImportedEvents events;

	@Autowired
	ImportSummaryService importSummaries;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService runSummaries;

	@Autowired
	PayoutExport export;

	@Autowired
	FieldCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void importedAccountsAreEncryptedYetPaidAndReimportedAsUnchanged() throws Exception {
		String event = events.sample("CRYPT");

		List<String> stored = jdbc.sql("""
				SELECT v FROM payouts, LATERAL (VALUES (iban), (account_number)) AS a(v)
				WHERE liquidation_event_id = :event AND v IS NOT NULL""")
			.param("event", event)
			.query(String.class)
			.list();
		assertThat(stored).isNotEmpty().allMatch(value -> value.startsWith(FieldCipher.PREFIX));
		String plaintexts = Files.readString(SampleEvent.FILE);
		assertThat(stored).extracting(cipher::decrypt).allMatch(plaintexts::contains);

		var run = runs.run(event).execution();
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(runSummaries.summarize(run).created()).isEqualTo(SampleEvent.ELIGIBLE);

		var again = imports.importFile(event, Files.copy(SampleEvent.FILE, dir.resolve("again.csv")));
		ImportSummary summary = importSummaries.summarize(again.execution());
		assertThat(summary.loaded()).isZero();
		assertThat(summary.unchanged()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(summary.rejected()).isZero();

		StringBuilder csv = new StringBuilder();
		export.write(event, csv);
		assertThat(csv).doesNotContain(FieldCipher.PREFIX);
		assertThat(csv.toString().lines().skip(1)).allMatch(line -> line.endsWith(",") || line.contains("****"));
	}

	@Test
	void legacyPlaintextRowsStillRead() throws Exception {
		String event = events.sample("LEGACY");
		// As a database written before encryption holds them.
		List<Long> ids = jdbc.sql("SELECT id FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query(Long.class)
			.list();
		for (long id : ids) {
			var row = jdbc.sql("SELECT iban, account_number FROM payouts WHERE id = :id")
				.param("id", id)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
				.single();
			jdbc.sql("UPDATE payouts SET iban = :iban, account_number = :number WHERE id = :id")
				.param("iban", cipher.decrypt(row[0]))
				.param("number", cipher.decrypt(row[1]))
				.param("id", id)
				.update();
		}

		var run = runs.run(event).execution();
		assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(runSummaries.summarize(run).created()).isEqualTo(SampleEvent.ELIGIBLE);
	}

}
