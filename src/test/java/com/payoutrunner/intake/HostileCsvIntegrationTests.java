package com.payoutrunner.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.payout.PayoutExport;
import com.payoutrunner.report.ReportPaths;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestEvents;

/**
 * Hostile cells in an imported file: formula cells come out neutralised in the payouts
 * export and the skip report while amounts stay numbers, and an account a shifted row put
 * into another column is never stored or reported in clear.
 */
class HostileCsvIntegrationTests extends PostgresIntegrationTest {

	static final String HEADER = "investor_id,investor_name,country,payment_method,external_account_id,amount,currency,has_us_bank_account,scheduled_date\n";

	static final List<String> IN_CLEAR = List.of("DE89370400440532013000", "GB29NWBK60161331926819",
			"GB29 NWBK 6016 1331 9268 19", "0532013000123");

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	ImportSummaryService summaries;

	@Autowired
	PayoutExport export;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	ReportPaths paths;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	String event;

	@BeforeEach
	void setUp() {
		event = TestEvents.unique("HOSTILE");
	}

	@Test
	void anAccountInAWrongColumnIsNotStoredOrReportedInClear() throws Exception {
		Path file = Files.writeString(dir.resolve("shifted.csv"),
				HEADER + "S1,Shifted One,DE89370400440532013000,Wire,ea_1,10.00,USD,,\n"
						+ "S2,Shifted Two,DE,Wire,ea_2,10.00,USD,GB29 NWBK 6016 1331 9268 19,\n"
						+ "S3,Shifted Three,DE,Wire,ea_3,10.00,USD,,0532013000123\n"
						+ "S4,Shifted Four,DE,Wire,ea_4,10.00,de89370400440532013000,,\n");

		ImportSummary summary = summaries.summarize(imports.importFile(event, file).execution());

		assertThat(summary.rejected()).isEqualTo(4);
		List<String> stored = jdbc.sql("SELECT reason FROM import_errors WHERE liquidation_event_id = :event")
			.param("event", event)
			.query(String.class)
			.list();
		assertThat(stored).hasSize(4).anySatisfy(reason -> assertThat(reason).contains("DE89**************3000"));
		String report = Files.readString(Path.of(summary.importReport()));
		for (String account : IN_CLEAR) {
			assertThat(stored).noneMatch(reason -> reason.contains(account));
			assertThat(report).doesNotContain(account);
		}
		assertThat(report).contains("GB29**************6819").contains("0532*****0123");
	}

	@Test
	void formulaCellsAreNeutralisedInTheExportAndTheSkipReportWhileAmountsStayNumbers() throws Exception {
		Path file = Files.writeString(dir.resolve("formulas.csv"),
				HEADER + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",@SUM(A1:A9),DE,Wire,ea_1,10.00,USD,,\n"
						+ "+cmd,\"-2+3\",DE,Crypto,ea_2,20.50,USD,,\n" + "-1-1,'=cmd,,Wire,ea_3,30.00,USD,,\n");
		assertThat(summaries.summarize(imports.importFile(event, file).execution()).loaded()).isEqualTo(3);

		StringBuilder exported = new StringBuilder();
		export.write(event, exported);
		List<CSVRecord> rows = parse(exported.toString());

		assertThat(exported.toString())
			.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",\"'@SUM(A1:A9)\",")
			.contains(",\"'+cmd\",\"'-2+3\",")
			.contains(",\"'-1-1\",\"''=cmd\",");
		assertThat(rows).extracting(row -> row.get("amount")).containsExactly("10.00", "20.50", "30.00");
		assertThat(exported.toString()).contains(",10.00,USD,", ",20.50,USD,", ",30.00,USD,");

		var execution = runs.run(event).execution();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		String skips = Files.readString(paths.skipReport(execution.getId()));
		assertThat(parse(skips)).extracting(row -> row.get("investor_id")).containsExactlyInAnyOrder("'+cmd", "'-1-1");
		assertThat(skips).contains(",\"'+cmd\",invalid_method,").contains(",\"'-1-1\",missing_country,");
	}

	private static List<CSVRecord> parse(String csv) throws Exception {
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
	}

}
