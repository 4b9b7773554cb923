package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestConnectorRoutes;
import com.payoutrunner.support.TestFolders;

/**
 * The sample event, imported and run (SEPA into a pain.001 file, so that its payouts
 * share one payment order, the rest through the sandbox bank), then reconciled with a
 * statement built from what was paid: the SEPA file as one netted line, every other
 * payout by its reference, one returned, one left out, and one line naming no payout.
 */
class ReconciliationIntegrationTests extends PostgresIntegrationTest {

	/** Where the tests write their statements. */
	static final String ROOT = "target/it-reconciliation";

	static final String UNKNOWN_REFERENCE = "PO-20261121-FFFFFFF0";

	static final String OUR_IBAN = "DE89370400440532013000";

	static final String HEADER = "account,booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,"
			+ "payment_order_id,return_reason\n";

	@Autowired
	TestConnectorRoutes routes;

	@Autowired
	TestFolders folders;

	@Autowired
	ImportedEvents events;

	@Autowired
	StatementReconciler reconciler;

	@Autowired
	StatementConfirmation confirmations;

	@Autowired
	JdbcClient jdbc;

	String event;

	record Paid(long id, OffsetDateTime createdAt, String order, String connector, long batchId, Money rail) {

		String reference() {
			return PayoutReference.of(id, createdAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
		}

	}

	@BeforeEach
	void importAndRunTheSample() throws Exception {
		FileSystemUtils.deleteRecursively(Path.of(ROOT));
		Files.createDirectories(Path.of(ROOT));
		folders.emptyBankFolders();
		routes.route("SEPA", "sepa-pain001-file");
		event = events.sampleRun("RECON");
	}

	@Test
	void aStatementSettlesNettedAndSinglePayoutsReturnsOneAndReportsTheRest() throws Exception {
		List<Paid> paid = paid();
		List<Paid> filed = paid.stream().filter(p -> p.connector().equals("sepa-pain001-file")).toList();
		List<Paid> single = paid.stream().filter(p -> p.connector().equals("sandbox-bank")).toList();
		assertThat(filed).hasSizeGreaterThan(1);
		assertThat(filed).extracting(Paid::order).containsOnly(filed.get(0).order());
		assertThat(single).hasSizeGreaterThan(3);
		Paid returned = single.get(0);
		Paid leftOut = single.get(1);

		StringBuilder csv = new StringBuilder(HEADER);
		Money sepaTotal = filed.stream().map(Paid::rail).reduce(Money::plus).orElseThrow();
		csv.append(row(sepaTotal, "debit", "booked", "BANK-SEPA", "", filed.get(0).order(), "")); // line
																									// 2
		csv.append(row(returned.rail(), "credit", "returned", "BANK-RET", returned.reference(), "", "AC04")); // 3
		csv.append(row(Money.ofMinor(12345, "EUR"), "debit", "booked", "BANK-UNK", UNKNOWN_REFERENCE, "", "")); // 4
		csv.append(OUR_IBAN + ",2026-11-23,1.001,EUR,debit,booked,BANK-BAD,PO-00000001,,\n"); // line
		// 5:
		// rejected
		for (Paid payout : single.subList(2, single.size())) {
			csv.append(row(payout.rail(), "debit", "booked", "BANK-" + payout.id(), payout.reference(), "", ""));
		}
		Path statement = Path.of(ROOT, "statement-" + event + ".csv");
		Files.writeString(statement, csv);

		ReconciliationResult result = reconciler.reconcile(statement, 0, Delivery.inbox());

		int settledExpected = filed.size() + single.size() - 2;
		assertThat(result.alreadyApplied()).isFalse();
		assertThat(result.format()).isEqualTo("csv");
		assertThat(result.lines()).isEqualTo(4 + single.size() - 2);
		assertThat(result.matchedLines()).isEqualTo(2 + single.size() - 2);
		assertThat(result.settled()).isEqualTo(settledExpected);
		assertThat(result.returned()).isEqualTo(1);
		assertThat(result.unmatchedLines()).isEqualTo(1);
		assertThat(result.rejectedRows()).isEqualTo(1);
		assertThat(result.needsAttention()).isTrue();

		Map<Long, String> statuses = statuses();
		assertThat(statuses.get(returned.id())).isEqualTo("returned");
		assertThat(statuses.get(leftOut.id())).isEqualTo("sent");
		assertThat(statuses.values().stream().filter("settled"::equals).count()).isEqualTo(settledExpected);
		assertThat(jdbc.sql("SELECT last_error FROM payouts WHERE id = :id")
			.param("id", returned.id())
			.query(String.class)
			.single()).isEqualTo("AC04");
		assertThat(batchStatus(filed.get(0).batchId())).isEqualTo("settled");
		assertThat(batchStatus(returned.batchId())).isEqualTo("partial");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_events WHERE actor = :actor AND category = 'financial'
				    AND entity_type = 'payout'""")
			.param("actor", "statement:" + statement.getFileName())
			.query(Long.class)
			.single()).isEqualTo(settledExpected + 1L);

		List<CSVRecord> report = report(result.report());
		assertThat(result.report().getFileName().toString()).isEqualTo("reconciliation.csv");
		assertThat(result.report().getParent().getParent().getFileName().toString()).isEqualTo("reconciliation");
		assertThat(report).filteredOn(r -> r.get("kind").equals("matched")).hasSize(result.matchedLines());
		CSVRecord netted = report.get(0);
		assertThat(netted.get("line")).isEqualTo("2");
		assertThat(netted.get("outcome")).isEqualTo("settled");
		assertThat(netted.get("payout_ids").split(" ")).hasSize(filed.size());
		assertThat(netted.get("amount")).isEqualTo(sepaTotal.toDecimal().toPlainString());
		assertThat(report.get(1).get("outcome")).isEqualTo("returned");
		assertThat(report.get(1).get("reason")).isEqualTo("AC04");
		assertThat(report.get(2).get("kind")).isEqualTo("unmatched");
		assertThat(report.get(2).get("reason")).isEqualTo("no payout 4294967280 (" + UNKNOWN_REFERENCE + ")");
		assertThat(report.get(3).get("kind")).isEqualTo("rejected");
		assertThat(report.get(3).get("reason")).contains("amount").contains("more decimals");
		assertThat(report).filteredOn(r -> r.get("kind").equals("overdue"))
			.extracting(r -> r.get("payout_ids"))
			.contains(Long.toString(leftOut.id()))
			.doesNotContain(Long.toString(returned.id()));
		assertThat(Files.readString(result.report().resolveSibling("reconciliation-summary.json")))
			.contains("\"status\":\"applied\"", "\"returned\":1", "\"unmatched\":1");

		// The same statement again, under another name: nothing changes.
		Path again = Path.of(ROOT, "again-" + event + ".csv");
		Files.copy(statement, again);
		long auditEvents = jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single();
		ReconciliationResult second = reconciler.reconcile(again, StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS,
				Delivery.inbox());

		assertThat(second.alreadyApplied()).isTrue();
		assertThat(second.settled() + second.returned() + second.matchedLines()).isZero();
		assertThat(report(second.report())).as("a fresh report: overdue as of now, after the days asked for")
			.filteredOn(r -> r.get("payout_ids").equals(Long.toString(leftOut.id())))
			.isEmpty();
		assertThat(statuses()).isEqualTo(statuses);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_events").query(Long.class).single()).isEqualTo(auditEvents);
		assertThat(reconciler.summaryJson(second)).contains("\"status\":\"already_applied\"");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = 'reconcileStatementJob' AND e.status = 'COMPLETED'
				    AND e.job_execution_id IN (SELECT job_execution_id FROM batch_job_execution_params
				        WHERE parameter_name = 'statement.file' AND parameter_value LIKE :file)""")
			.param("file", "%" + statement.getFileName())
			.query(Long.class)
			.single()).as("one job execution, with its steps' counts").isEqualTo(1L);
	}

	@Test
	void aCamt053BatchBookingSettlesTheWholeFileAndAReturnCarriesItsReason() throws Exception {
		List<Paid> paid = paid();
		List<Paid> filed = paid.stream().filter(p -> p.connector().equals("sepa-pain001-file")).toList();
		Paid returned = paid.stream().filter(p -> p.connector().equals("sandbox-bank")).findFirst().orElseThrow();
		String batchReference = jdbc.sql("SELECT reference FROM payout_batches WHERE id = :id")
			.param("id", filed.get(0).batchId())
			.query(String.class)
			.single();
		Money sepaTotal = filed.stream().map(Paid::rail).reduce(Money::plus).orElseThrow();
		String camt = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
				<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
				<Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt><AcctSvcrRef>ENTRY-1</AcctSvcrRef>
				  <NtryDtls><Btch><MsgId>%s</MsgId></Btch></NtryDtls></Ntry>
				<Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-24</Dt></BookgDt><AcctSvcrRef>ENTRY-2</AcctSvcrRef>
				  <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>
				    <RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>
				</Stmt></BkToCstmrStmt></Document>
				""".formatted(sepaTotal.code(), sepaTotal.toDecimal().toPlainString(), batchReference,
				returned.rail().code(), returned.rail().toDecimal().toPlainString(), returned.reference());
		Path statement = Path.of(ROOT, "camt053-" + event + ".xml");
		Files.writeString(statement, camt);

		ReconciliationResult result = reconciler.reconcile(statement, StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS,
				Delivery.inbox());

		assertThat(result.format()).isEqualTo("camt.053");
		assertThat(result.matchedLines()).isEqualTo(2);
		assertThat(result.settled()).isEqualTo(filed.size());
		assertThat(result.returned()).isEqualTo(1);
		assertThat(result.needsAttention()).isFalse();
		assertThat(result.batchesSettled()).isEqualTo(1);
		assertThat(batchStatus(filed.get(0).batchId())).isEqualTo("settled");
		assertThat(batchStatus(returned.batchId())).isEqualTo("partial");
		Map<Long, String> statuses = statuses();
		assertThat(filed).allSatisfy(p -> assertThat(statuses.get(p.id())).isEqualTo("settled"));
		assertThat(statuses.get(returned.id())).isEqualTo("returned");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM reconciliation_matches m JOIN payouts p ON p.id = m.payout_id
				WHERE p.liquidation_event_id = :event""").param("event", event).query(Long.class).single())
			.isEqualTo(filed.size() + 1L);
	}

	@Test
	void twoStatementsSettlingHalvesOfOneBatchAtOnceLeaveItSettled() throws Exception {
		List<Paid> filed = paid().stream().filter(p -> p.connector().equals("sepa-pain001-file")).toList();
		assertThat(filed).hasSizeGreaterThan(1);
		List<Path> statements = new ArrayList<>();
		for (int half = 0; half < 2; half++) {
			StringBuilder csv = new StringBuilder(HEADER);
			for (int i = half; i < filed.size(); i += 2) {
				Paid payout = filed.get(i);
				csv.append(row(payout.rail(), "debit", "booked", "BANK-" + payout.id(), payout.reference(), "", ""));
			}
			Path statement = Path.of(ROOT, "half-" + half + "-" + event + ".csv");
			Files.writeString(statement, csv);
			statements.add(statement);
		}
		var start = new java.util.concurrent.CountDownLatch(1);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<ReconciliationResult>> results = new ArrayList<>();
			for (Path statement : statements) {
				results.add(pool.submit(() -> {
					start.await();
					return reconciler.reconcile(statement, StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS,
							Delivery.inbox());
				}));
			}
			start.countDown();
			int settled = 0;
			for (var result : results) {
				settled += result.get(60, java.util.concurrent.TimeUnit.SECONDS).settled();
			}
			assertThat(settled).isEqualTo(filed.size());
		}
		finally {
			pool.shutdownNow();
		}
		Map<Long, String> statuses = statuses();
		assertThat(filed).allSatisfy(p -> assertThat(statuses.get(p.id())).isEqualTo("settled"));
		assertThat(batchStatus(filed.get(0).batchId())).as("the second sees the first's settlements")
			.isEqualTo("settled");
	}

	@Test
	void aCamt053OfAnotherAccountIsRefusedWholeAndChangesNothing() throws Exception {
		List<Paid> paid = paid();
		Paid payout = paid.get(0);
		Map<Long, String> before = statuses();
		String camt = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
				<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
				<Ntry><Amt Ccy="%s">%s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt>
				  <NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
				</Stmt></BkToCstmrStmt></Document>
				""".formatted(payout.rail().code(), payout.rail().toDecimal().toPlainString(), payout.reference());
		Path statement = Path.of(ROOT, "foreign-" + event + ".xml");
		Files.writeString(statement, camt);

		assertThatThrownBy(() -> reconciler.reconcile(statement, 3, Delivery.inbox()))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageContaining("account FR76*******************0189 is not one of ours");

		assertThat(statuses()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_statements WHERE file_name = :name")
			.param("name", statement.getFileName().toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				SELECT actor FROM audit_events WHERE action = 'statement_refused' AND details->>'statement' = :name""")
			.param("name", statement.getFileName().toString())
			.query(String.class)
			.list()).containsExactly("inbox");
	}

	@Test
	void aCsvThatDoesNotNameOurAccountIsRefused() throws Exception {
		Paid payout = paid().get(0);
		Map<Long, String> before = statuses();
		String line = row(payout.rail(), "debit", "booked", "BNK", payout.reference(), "", "");
		Path noColumn = Path.of(ROOT, "no-account-" + event + ".csv");
		Files.writeString(noColumn, HEADER.substring("account,".length()) + line.substring(OUR_IBAN.length() + 1));
		Path otherAccount = Path.of(ROOT, "other-account-" + event + ".csv");
		Files.writeString(otherAccount, HEADER + line.replace(OUR_IBAN, "GB82WEST12345698765432"));

		assertThatThrownBy(() -> reconciler.reconcile(noColumn, 3, Delivery.cli("mallory")))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageContaining("names no account");
		assertThatThrownBy(() -> reconciler.reconcile(otherAccount, 3, Delivery.cli("mallory")))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageContaining("line 2: account GB82**************5432 is not one of ours");
		assertThat(statuses()).isEqualTo(before);
	}

	@Test
	void fromTheCommandLineFullSettlementsApplyAtOnceAndAReturnWaitsForASecondPerson() throws Exception {
		List<Paid> single = paid().stream().filter(p -> p.connector().equals("sandbox-bank")).toList();
		Paid settledNow = single.get(0);
		Paid returned = single.get(1);
		Path statement = Path.of(ROOT, "cli-" + event + ".csv");
		Files.writeString(statement,
				HEADER + row(settledNow.rail(), "debit", "booked", "BNK-1", settledNow.reference(), "", "")
						+ row(returned.rail(), "credit", "returned", "BNK-2", returned.reference(), "", "AC04"));

		ReconciliationResult result = reconciler.reconcile(statement, 3, Delivery.cli("alice"));

		assertThat(result.deliveredBy()).isEqualTo("cli:alice");
		assertThat(result.settled()).isEqualTo(1);
		assertThat(result.returned()).isZero();
		assertThat(result.pendingConfirmation()).isEqualTo(1);
		assertThat(result.needsAttention()).isTrue();
		assertThat(reconciler.summaryJson(result)).contains("\"delivered_by\":\"cli:alice\"",
				"\"pending_confirmation\":1");
		assertThat(statuses().get(settledNow.id())).isEqualTo("settled");
		assertThat(statuses().get(returned.id())).as("nothing returned until confirmed").isEqualTo("sent");
		assertThat(report(result.report())).filteredOn(r -> r.get("line").equals("3")).singleElement().satisfies(r -> {
			assertThat(r.get("kind")).isEqualTo("pending_confirmation");
			assertThat(r.get("outcome")).isEqualTo("returned");
		});
		assertThat(jdbc.sql("SELECT delivered_by FROM reconciliation_statements WHERE id = :id")
			.param("id", result.statementId())
			.query(String.class)
			.single()).isEqualTo("cli:alice");

		assertThatThrownBy(() -> confirmations.confirm(result.statementId(), "alice", null))
			.isInstanceOf(StatementConfirmation.ConfirmationRefusedException.class)
			.hasMessage("alice delivered statement " + result.statementId()
					+ " and may not confirm it: a second person must");
		assertThat(statuses().get(returned.id())).isEqualTo("sent");

		var confirmed = confirmations.confirm(result.statementId(), "bob", "checked with the bank");

		assertThat(confirmed.returned()).isEqualTo(1);
		assertThat(statuses().get(returned.id())).isEqualTo("returned");
		assertThat(jdbc.sql("""
				SELECT kind || ' ' || reason FROM reconciliation_lines WHERE statement_id = :id AND line_number = 3""")
			.param("id", result.statementId())
			.query(String.class)
			.single()).isEqualTo("matched AC04; confirmed by api:bob");
		assertThat(jdbc.sql("""
				SELECT confirmed_by || ' ' || pending_confirmation || ' ' || returned FROM reconciliation_statements
				WHERE id = :id""").param("id", result.statementId()).query(String.class).single())
			.isEqualTo("api:bob 0 1");
		assertThat(jdbc.sql("""
				SELECT actor FROM audit_events WHERE action = 'statement_confirmed' AND entity_id = :id""")
			.param("id", Long.toString(result.statementId()))
			.query(String.class)
			.list()).containsExactly("api:bob");
		assertThatThrownBy(() -> confirmations.confirm(result.statementId(), "carol", null))
			.isInstanceOf(StatementConfirmation.ConfirmationRefusedException.class)
			.hasMessageContaining("was confirmed by api:bob already");
	}

	@Test
	void camt053EntriesOnOneLineOfXmlArePendingOrAppliedEachOnItsOwn() throws Exception {
		List<Paid> single = paid().stream().filter(p -> p.connector().equals("sandbox-bank")).toList();
		Paid settledNow = single.get(0);
		Paid returned = single.get(1);
		String entry = "<Ntry><Amt Ccy=\"%s\">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
				+ "<BookgDt><Dt>2026-11-23</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs>%s"
				+ "</TxDtls></NtryDtls></Ntry>";
		Path statement = Path.of(ROOT, "one-line-" + event + ".xml");
		Files.writeString(statement,
				"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">"
						+ "<BkToCstmrStmt><Stmt><Acct><Id><IBAN>" + OUR_IBAN + "</IBAN></Id></Acct>"
						+ entry.formatted(settledNow.rail().code(), settledNow.rail().toDecimal().toPlainString(),
								"DBIT", settledNow.reference(), "")
						+ entry.formatted(returned.rail().code(), returned.rail().toDecimal().toPlainString(), "CRDT",
								returned.reference(), "<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>")
						+ "</Stmt></BkToCstmrStmt></Document>");

		ReconciliationResult result = reconciler.reconcile(statement, 3, Delivery.api("operator"));

		assertThat(result.settled()).isEqualTo(1);
		assertThat(result.pendingConfirmation()).isEqualTo(1);
		assertThat(kinds(result.statementId())).containsExactly("matched", "pending_confirmation");

		confirmations.confirm(result.statementId(), "approver", null);

		assertThat(kinds(result.statementId())).containsExactly("matched", "matched");
		assertThat(statuses().get(returned.id())).isEqualTo("returned");
	}

	private List<String> kinds(long statementId) {
		return jdbc.sql("SELECT kind FROM reconciliation_lines WHERE statement_id = :id ORDER BY id")
			.param("id", statementId)
			.query(String.class)
			.list();
	}

	private List<Paid> paid() {
		return jdbc.sql("""
				SELECT p.id, p.created_at, p.payment_order_id, b.connector, b.id AS batch_id, l.rail_amount_minor,
				       l.rail_currency
				FROM payouts p
				JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
				JOIN payout_batches b ON b.id = l.batch_id
				WHERE p.liquidation_event_id = :event AND p.status = 'sent'
				ORDER BY p.id""")
			.param("event", event)
			.query((rs, n) -> new Paid(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getString("payment_order_id"), rs.getString("connector"), rs.getLong("batch_id"),
					Money.ofMinor(rs.getLong("rail_amount_minor"), rs.getString("rail_currency").strip())))
			.list();
	}

	private Map<Long, String> statuses() {
		return jdbc.sql("SELECT id, status FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private String batchStatus(long batchId) {
		return jdbc.sql("SELECT settlement_status FROM payout_batches WHERE id = :id")
			.param("id", batchId)
			.query(String.class)
			.single();
	}

	private static String row(Money amount, String direction, String status, String bankReference, String reference,
			String order, String reason) {
		return String.join(",", OUR_IBAN, "2026-11-23", amount.toDecimal().toPlainString(), amount.code(), direction,
				status, bankReference, reference, order, reason) + "\n";
	}

	private static List<CSVRecord> report(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new ArrayList<>(
					CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords());
		}
	}

}
