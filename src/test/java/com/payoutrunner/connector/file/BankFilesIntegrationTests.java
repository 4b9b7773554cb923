package com.payoutrunner.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.file.inbox.BankInbox;
import com.payoutrunner.batching.PayoutBatchQueries;
import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestConnectorRoutes;
import com.payoutrunner.support.TestFolders;

/**
 * SEPA and ACH routed to bank files: the run writes one pain.001 and one NACHA file per
 * batch into the outbox, valid and complete, sends those payouts to no bank API, never
 * writes a batch's file twice (crash, restart, rerun), and the bank's answers dropped in
 * the inbox update the payouts they name.
 */
class BankFilesIntegrationTests extends PostgresIntegrationTest {

	static final Pattern END_TO_END_ID = Pattern.compile("<EndToEndId>([^<]+)</EndToEndId>");

	@Autowired
	TestConnectorRoutes routes;

	@Autowired
	TestFolders folders;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	BankInbox inbox;

	@Autowired
	DeadLetterQueue deadLetters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Autowired
	BankFileRepository fileBatches;

	@Autowired
	PayoutBatchQueries batchQueries;

	@Autowired
	PayoutRunnerProperties properties;

	@Autowired
	com.payoutrunner.calendar.RailCutOffs cutOffs;

	/** Where payment files go. */
	Path outbox;

	/** Where the bank's answers are dropped. */
	Path answers;

	String event;

	@BeforeEach
	void routeSepaAndAchToFilesAndImportTheSample() throws Exception {
		routes.route("SEPA", "sepa-pain001-file");
		routes.route("ACH", "ach-nacha-file");
		folders.emptyBankFolders();
		outbox = folders.outbox();
		answers = folders.inbox();
		event = events.sample("FILES");
	}

	@Test
	void sepaAndAchPayoutsGoIntoOneFilePerBatchAndNotToTheBankApi() throws Exception {
		var execution = runs.run(event).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<String, Long> byRail = sentByRail();
		assertThat(byRail).containsKeys("SEPA", "ACH");
		assertThat(outboxFiles()).hasSize(2);

		Path sepa = outboxFile(".xml");
		String xml = Files.readString(sepa);
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(SepaCreditTransferFileTests.EPC_SCHEMA.toFile())
			.newValidator()
			.validate(new StreamSource(new StringReader(xml)));
		assertThat(endToEndIds(xml)).containsExactlyInAnyOrderElementsOf(references("SEPA"));
		assertThat(xml).contains("<NbOfTxs>" + byRail.get("SEPA") + "</NbOfTxs>");

		Path ach = outboxFile(".ach");
		List<String> entries = Files.readAllLines(ach).stream().filter(record -> record.startsWith("6")).toList();
		assertThat(entries).hasSize(byRail.get("ACH").intValue()).allSatisfy(entry -> assertThat(entry).hasSize(94));
		assertThat(entries).extracting(entry -> entry.substring(39, 54).strip())
			.containsExactlyInAnyOrderElementsOf(shortReferences("ACH"));

		assertThat(jdbc.sql("""
				SELECT count(*) FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				JOIN sandbox_bank.payment_orders o ON o.idempotency_key = l.idempotency_key::text
				WHERE p.liquidation_event_id = :event AND l.rail IN ('SEPA', 'ACH')""")
			.param("event", event)
			.query(Long.class)
			.single()).as("file-routed payouts sent to the bank API").isZero();
		assertThat(paymentOrderIds("SEPA")).containsOnly(sepa.getFileName().toString());
		assertThat(summaries.summarize(execution).created()).isEqualTo(SampleEvent.ELIGIBLE);
	}

	/**
	 * Only a file format needs coordinates: investors known by their external account
	 * alone are skipped where their route is a file, naming the connector and what is
	 * missing, and paid where it is the bank API.
	 */
	@Test
	void aFileRouteNeedsCoordinatesWhereTheBankApiNeedsOnlyTheExternalAccount(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("seed-shaped.csv");
		Files.writeString(file,
				"""
						investor_id,investor_name,country,payment_method,external_account_id,amount,currency,iban,routing_number,account_number
						S-DE,Jonas Richter,DE,Wire,ea_de_1,1200.00,USD,,,
						S-US,Olivia Bennett,US,ACH,ea_us_1,900.00,USD,,,
						S-JP,Haruto Sato,JP,Wire,ea_jp_1,700.00,USD,,,
						S-FR,Camille Laurent,FR,Wire,ea_fr_1,500.00,USD,FR1420041010050500013M02606,,
						S-US2,Grace Thompson,US,ACH,ea_us_2,400.00,USD,,021000021,123456789
						""");
		String seedShaped = events.file("FILESEED", file);

		var summary = summaries.summarize(runs.run(seedShaped).execution());

		assertThat(summary.created()).isEqualTo(3);
		assertThat(summary.skipBreakdown()).containsExactlyEntriesOf(Map.of("missing_bank_details", 2L));
		assertThat(Files.readString(Path.of(summary.skipReport())))
			.contains(",S-DE,missing_bank_details,sepa-pain001-file (SEPA) needs an IBAN,")
			.contains(
					",S-US,missing_bank_details,ach-nacha-file (ACH) needs an ABA routing number and an account number,");
		assertThat(jdbc
			.sql("""
					SELECT p.investor_id || ':' || b.connector FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
					JOIN payout_batches b ON b.id = l.batch_id WHERE p.liquidation_event_id = :event""")
			.param("event", seedShaped)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("S-JP:sandbox-bank", "S-FR:sepa-pain001-file", "S-US2:ach-nacha-file");
	}

	@Test
	void aRerunWritesNoSecondFile() throws Exception {
		runs.run(event);
		List<Path> first = outboxFiles();
		String firstContent = Files.readString(outboxFile(".xml"));

		var rerun = runs.rerun(event).execution();

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outboxFiles()).isEqualTo(first);
		assertThat(Files.readString(outboxFile(".xml"))).isEqualTo(firstContent);
	}

	/**
	 * The outbox cannot be written (a file stands where its directory should be): the
	 * step fails with the payouts in doubt (sending), nothing filed. After the cause is
	 * gone, a restart writes each file once. Then the crash between writing a file and
	 * recording it: the file is put back by hand as if the process had died right after
	 * the rename, and the restart finds the same bytes there.
	 */
	@Test
	void aRestartAfterAFailedOrCrashedFileStepWritesEachFileOnce() throws Exception {
		Files.createDirectories(outbox.getParent());
		Files.writeString(outbox, "not a directory");

		var failed = runs.run(event).execution();

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(db.payoutsWithStatus(event, "sending")).isPositive()
			.isEqualTo(linesWithStatus("sending"))
			.isEqualTo(linesInFileBatches() - linesWithStatus("queued"));
		assertThat(linesWithStatus("accepted")).as("file lines recorded as filed").isZero();
		Files.delete(outbox);
		long runId = failed.getJobInstance().getInstanceId();
		var batch = fileBatches.openBatches(runId, BankFileWriter.fileConnectors()).get(0);
		Path crashedAfterRename = new BankFileOutbox(outbox).write(batch.reference(), batch.format().extension(),
				new BankFileRenderer(properties.bankFiles(), cutOffs).render(batch,
						fileBatches.lines(batch.id(), "sending")));
		var writtenAt = Files.getLastModifiedTime(crashedAfterRename);
		String writtenContent = Files.readString(crashedAfterRename);

		var restarted = runs.restart(event).execution();

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(outboxFiles()).hasSize(2);
		assertThat(Files.readString(crashedAfterRename)).isEqualTo(writtenContent);
		assertThat(Files.getLastModifiedTime(crashedAfterRename)).isEqualTo(writtenAt);
		assertThat(db.payoutsWithStatus(event, "sending")).isZero();
		assertThat(endToEndIds(Files.readString(outboxFile(".xml")))).hasSize(references("SEPA").size());
	}

	@Test
	void aStatusReportAcceptsAndRejectsThePayoutsItNames() throws Exception {
		runs.run(event);
		List<String> sepa = references("SEPA");
		String accepted = sepa.get(0);
		String rejected = sepa.get(1);
		Files.createDirectories(answers);
		String report = pain002(Map.of(accepted, "ACSC", rejected, "RJCT", "PO-20200101-7FFFFFFF", "ACCP"));
		Files.writeString(answers.resolve("status-1.xml"), report);

		var results = inbox.processAll();

		assertThat(results).singleElement().satisfies(result -> {
			assertThat(result.error()).isNull();
			assertThat(result.applied()).isEqualTo(2);
			assertThat(result.unmatched()).singleElement()
				.satisfies(u -> assertThat(u.verdict().reference()).isEqualTo("PO-20200101-7FFFFFFF"));
		});
		assertThat(payout(accepted)).containsEntry("status", "sent").containsEntry("bank_verdict", "accepted");
		assertThat(payout(rejected)).containsEntry("status", "dead_letter")
			.containsEntry("payment_order_id", null)
			.containsEntry("bank_verdict", "rejected");
		assertThat((String) payout(rejected).get("last_error")).contains("AC01");
		assertThat(deadLetters.list(event)).extracting(DeadLetterQueue.Entry::id)
			.containsExactly(PayoutReference.payoutId(rejected).getAsLong());
		assertThat(answers.resolve("processed/status-1.xml")).exists();
		assertThat(Files.readString(answers.resolve("processed/status-1.xml.unmatched.csv")))
			.contains("PO-20200101-7FFFFFFF");

		Files.writeString(answers.resolve("status-1-again.xml"), report);
		assertThat(inbox.processAll()).singleElement().satisfies(result -> {
			assertThat(result.applied()).isZero();
			assertThat(result.alreadyApplied()).isEqualTo(3);
		});

		deadLetters.retry(PayoutReference.payoutId(rejected).getAsLong(), "test");
		runs.rerun(event);
		assertThat(payout(rejected)).containsEntry("status", "sent");
		assertThat(outboxFiles()).hasSize(3);
	}

	@Test
	void anAchReturnMarksThePayoutReturnedWithItsCode() throws Exception {
		runs.run(event);
		String returned = shortReferences("ACH").get(0);
		Files.createDirectories(answers);
		Files.writeString(answers.resolve("returns.ach"), achReturn(returned, "R03"));

		var results = inbox.processAll();

		assertThat(results).singleElement().satisfies(result -> assertThat(result.applied()).isEqualTo(1));
		Map<String, Object> payout = jdbc.sql("SELECT status, last_error FROM payouts p WHERE id = :id")
			.param("id", PayoutReference.payoutId(returned).getAsLong())
			.query()
			.singleRow();
		assertThat(payout).containsEntry("status", "returned");
		assertThat((String) payout.get("last_error")).startsWith("returned (R03): no account");
	}

	@Test
	void anAchReturnGivesTheMoneyBackBeforeAndAfterSettlement() throws Exception {
		runs.run(event);
		List<String> references = shortReferences("ACH");
		assertThat(references).hasSizeGreaterThan(1);
		long sent = PayoutReference.payoutId(references.get(0)).getAsLong();
		long settled = PayoutReference.payoutId(references.get(1)).getAsLong();
		UUID entity = UUID.randomUUID();
		// As if both were API payouts of one entity holding 100.00 USD: 10.00 still held
		// for
		// the sent one, 20.00 already debited by the settled one's statement.
		jdbc.sql("INSERT INTO entity_balances VALUES (:entity, 'USD', 8000, now())").param("entity", entity).update();
		jdbc.sql(
				"""
						INSERT INTO holds (payout_id, origin_entity_id, currency, amount_minor, status, settled_minor, expires_at)
						VALUES (:sent, :entity, 'USD', 1000, 'active', 0, now() + interval '1 day'),
						       (:settled, :entity, 'USD', 2000, 'released', 2000, now() + interval '1 day')""")
			.param("sent", sent)
			.param("settled", settled)
			.param("entity", entity)
			.update();
		jdbc.sql("UPDATE payouts SET status = 'settled' WHERE id = :id").param("id", settled).update();
		Files.createDirectories(answers);
		Files.writeString(answers.resolve("returns-1.ach"), achReturn(references.get(0), "R03"));
		Files.writeString(answers.resolve("returns-2.ach"), achReturn(references.get(1), "R01"));

		var results = inbox.processAll();

		assertThat(results).allSatisfy(result -> assertThat(result.applied()).isEqualTo(1));
		assertThat(jdbc.sql("SELECT id, status FROM payouts WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.of(sent, settled))
			.query((rs, n) -> rs.getString(2))
			.list()).containsOnly("returned");
		assertThat(jdbc.sql("SELECT payout_id || ' ' || status FROM holds WHERE origin_entity_id = :entity")
			.param("entity", entity)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(sent + " cancelled", settled + " returned");
		assertThat(jdbc.sql("SELECT balance_minor FROM entity_balances WHERE origin_entity_id = :entity")
			.param("entity", entity)
			.query(Long.class)
			.single()).as("the settlement's 20.00 credited back; the cancelled hold never debited").isEqualTo(10_000);
	}

	@Test
	void anUnreadableFileIsRejectedWithItsLineAndNothingApplied() throws Exception {
		runs.run(event);
		String good = shortReferences("ACH").get(0);
		String[] records = achReturn(good, "R03").split("\n");
		records[3] = records[3].substring(0, 80);
		Files.createDirectories(answers);
		Files.writeString(answers.resolve("broken.ach"), String.join("\n", records));

		var results = inbox.processAll();

		assertThat(results).singleElement().satisfies(result -> assertThat(result.error()).contains("line 4"));
		assertThat(Files.readString(answers.resolve("rejected/broken.ach.error.txt"))).contains("line 4")
			.contains("80 characters");
		assertThat(jdbc.sql("SELECT status FROM payouts WHERE id = :id")
			.param("id", PayoutReference.payoutId(good).getAsLong())
			.query(String.class)
			.single()).isEqualTo("sent");
	}

	private Map<String, Long> sentByRail() {
		return jdbc.sql("""
				SELECT l.rail, count(*) FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				WHERE p.liquidation_event_id = :event AND l.status = 'accepted' GROUP BY l.rail""")
			.param("event", event)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private long linesInFileBatches() {
		return db.count("""
				SELECT count(*) FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				WHERE p.liquidation_event_id = :event AND l.rail IN ('SEPA', 'ACH')""", event);
	}

	private long linesWithStatus(String status) {
		return db.count("""
				SELECT count(*) FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				WHERE p.liquidation_event_id = :event AND l.rail IN ('SEPA', 'ACH') AND l.status = '""" + status + "'",
				event);
	}

	private List<String> references(String rail) {
		return jdbc.sql("""
				SELECT p.id, p.created_at FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				WHERE p.liquidation_event_id = :event AND l.rail = :rail AND l.status = 'accepted' ORDER BY p.id""")
			.param("event", event)
			.param("rail", rail)
			.query((rs, n) -> PayoutReference.of(rs.getLong(1),
					rs.getObject(2, java.time.OffsetDateTime.class)
						.withOffsetSameInstant(java.time.ZoneOffset.UTC)
						.toLocalDate()))
			.list();
	}

	private List<String> shortReferences(String rail) {
		return references(rail).stream()
			.map(reference -> PayoutReference.shortForm(PayoutReference.payoutId(reference).getAsLong()))
			.toList();
	}

	private List<String> paymentOrderIds(String rail) {
		return jdbc.sql("""
				SELECT DISTINCT p.payment_order_id FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				WHERE p.liquidation_event_id = :event AND l.rail = :rail""")
			.param("event", event)
			.param("rail", rail)
			.query(String.class)
			.list();
	}

	private Map<String, Object> payout(String reference) {
		return jdbc.sql("""
				SELECT p.status, p.payment_order_id, p.last_error, s.bank_verdict
				FROM payouts p JOIN payout_batch_lines l ON l.payout_id = p.id
				JOIN payment_submissions s ON s.batch_line_id = l.id
				WHERE p.id = :id ORDER BY l.id DESC LIMIT 1""")
			.param("id", PayoutReference.payoutId(reference).getAsLong())
			.query()
			.singleRow();
	}

	private static List<String> endToEndIds(String xml) {
		Matcher matcher = END_TO_END_ID.matcher(xml);
		List<String> ids = new java.util.ArrayList<>();
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	@Test
	void theRunsBatchesNameTheFilesInTheOutbox() throws Exception {
		var execution = runs.run(event).execution();
		long runId = execution.getJobInstance().getInstanceId();

		var views = batchQueries.batches(runId, 50);

		assertThat(views).filteredOn(view -> view.bankFile() != null)
			.extracting(PayoutBatchQueries.BatchView::bankFile)
			.containsExactlyInAnyOrderElementsOf(
					outboxFiles().stream().map(file -> file.getFileName().toString()).toList());
		assertThat(views).filteredOn(view -> view.bankFile() == null)
			.isNotEmpty()
			.allSatisfy(view -> assertThat(view.connector()).doesNotEndWith("-file"));
		// Every payout of the event that was not skipped is a line of one batch.
		long payouts = jdbc.sql("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query(Long.class)
			.single();
		assertThat(views.stream().mapToLong(PayoutBatchQueries.BatchView::lines).sum())
			.isEqualTo(payouts - summaries.summarize(execution).skipped());
	}

	private List<Path> outboxFiles() throws Exception {
		try (Stream<Path> files = Files.list(outbox)) {
			return files.filter(file -> !file.getFileName().toString().startsWith(".")).sorted().toList();
		}
	}

	private Path outboxFile(String extension) throws Exception {
		return outboxFiles().stream().filter(file -> file.toString().endsWith(extension)).findFirst().orElseThrow();
	}

	static String pain002(Map<String, String> statusByReference) {
		StringBuilder xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
						  <CstmrPmtStsRpt>
						    <GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2026-11-23T10:00:00</CreDtTm></GrpHdr>
						    <OrgnlGrpInfAndSts><OrgnlMsgId>B1</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId></OrgnlGrpInfAndSts>
						    <OrgnlPmtInfAndSts>
						      <OrgnlPmtInfId>B1-1</OrgnlPmtInfId>
						""");
		new java.util.TreeMap<>(statusByReference).forEach((reference, status) -> {
			xml.append("      <TxInfAndSts><OrgnlEndToEndId>")
				.append(reference)
				.append("</OrgnlEndToEndId><TxSts>")
				.append(status)
				.append("</TxSts>");
			if ("RJCT".equals(status)) {
				xml.append(
						"<StsRsnInf><Rsn><Cd>AC01</Cd></Rsn><AddtlInf>Incorrect account number</AddtlInf></StsRsnInf>");
			}
			xml.append("<OrgnlTxRef><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf></OrgnlTxRef></TxInfAndSts>\n");
		});
		return xml.append("    </OrgnlPmtInfAndSts>\n  </CstmrPmtStsRpt>\n</Document>\n").toString();
	}

	/** A NACHA return file with one returned CCD credit and its addenda. */
	static String achReturn(String identification, String code) {
		String header = pad("101 011000015 0210000212611231000A094101FED RESERVE BOSTON     PAYOUT RUNNER BANK");
		String batch = pad(
				"5200PAYOUT RUNNER                       1234567890CCDRETURN          261124   1021000020000001");
		String entry = pad("626011000015" + pad17("0973519254") + "0000649734" + pad15(identification)
				+ "MIKKO CARTER          " + "  1021000020000001");
		String addenda = pad("799" + code + "011000010000001" + "      " + "01100001" + "                    ");
		String control = pad("82000000020001100001000000000000000000649734");
		String file = pad("9000001000001000000020001100001000000000000000000649734");
		return String.join("\n", header, batch, entry, addenda, control, file) + "\n";
	}

	private static String pad(String record) {
		return record.length() >= 94 ? record.substring(0, 94) : record + " ".repeat(94 - record.length());
	}

	private static String pad17(String value) {
		return value + " ".repeat(17 - value.length());
	}

	private static String pad15(String value) {
		return value + " ".repeat(15 - value.length());
	}

}
