package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Statements reconciled through the API: the body is the statement, the answer its
 * summary; the same statement again is already applied; what each line did can be read
 * back; an unreadable statement is a problem naming its line, and reading is all a viewer
 * may do.
 */
class ReconciliationsApiIntegrationTests extends WebIntegrationTest {

	static final String HEADER = "booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,"
			+ "payment_order_id,return_reason,account,charges\n";

	static final String OURS = "DE89370400440532013000";

	@Autowired
	ImportedEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Test
	void aStatementPostedIsReconciledOnceAndEachLineCanBeReadBack() throws Exception {
		String event = events.sampleRun("RAPI");
		var sent = db.firstSent(event);
		Money rail = sent.railAmount();
		String statement = HEADER
				+ "2026-11-24,%s,%s,debit,booked,BNK-1,%s,,,%s,\n".formatted(rail.toDecimal().toPlainString(),
						rail.code(), sent.reference(), OURS)
				+ "2026-11-24,10.00,EUR,debit,booked,BNK-2,PO-20261121-FFFFFFF0,,,%s,\n".formatted(OURS);

		HttpResponse<String> created = post("operator", "/api/reconciliations?file_name=" + event + ".csv", statement);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode summary = api.json(created);
		assertThat(summary.path("status").asString()).isEqualTo("applied");
		assertThat(summary.path("delivered_by").asString()).isEqualTo("api:operator");
		assertThat(summary.path("statement").asString()).isEqualTo(event + ".csv");
		assertThat(summary.path("settled").asInt()).isEqualTo(1);
		assertThat(summary.path("unmatched").asInt()).isEqualTo(1);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/api/reconciliations/" + summary.path("statement_id").asLong());
		assertThat(jdbc.sql("SELECT status FROM payouts WHERE id = :id")
			.param("id", sent.id())
			.query(String.class)
			.single()).isEqualTo("settled");

		HttpResponse<String> again = post("operator", "/api/reconciliations?file_name=again.csv", statement);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(api.json(again).path("status").asString()).isEqualTo("already_applied");

		JsonNode read = api.json(get(location));
		assertThat(read.path("settled").asInt()).isEqualTo(1);
		assertThat(read.path("lines").asInt()).as("the statement's line count").isEqualTo(2);
		assertThat(read.path("entries")).hasSize(2);
		assertThat(read.path("entries").get(0).path("outcome").asString()).isEqualTo("settled");
		assertThat(read.path("entries").get(0).path("payout_ids").get(0).asString())
			.isEqualTo(Long.toString(sent.id()));
		assertThat(read.path("entries").get(1).path("kind").asString()).isEqualTo("unmatched");
		assertThat(read.path("entries").get(1).path("reason").asString()).startsWith("no payout");
		assertThat(read.path("delivered_by").asString()).isEqualTo("api:operator");
		assertThat(read.path("confirmation").asString()).isEqualTo("not_needed");
		assertThat(api.json(get("/api/reconciliations")).findValuesAsString("file_name")).contains(event + ".csv");
	}

	@Test
	void anUploadThatGivesMoneyBackWaitsForASecondPersonWhoIsNotTheUploader() throws Exception {
		String event = events.sampleRun("RCNF");
		var sent = jdbc.sql("""
				SELECT p.id, l.rail_amount_minor, l.rail_currency FROM payouts p
				JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
				WHERE p.liquidation_event_id = :event AND p.status = 'sent' AND l.rail_currency = 'EUR'
				ORDER BY p.id LIMIT 2""")
			.param("event", event)
			.query((rs, n) -> new Object[] { rs.getLong(1), Money.ofMinor(rs.getLong(2), rs.getString(3).strip()) })
			.list();
		long lessId = (long) sent.get(0)[0];
		Money less = (Money) sent.get(0)[1];
		long returnedId = (long) sent.get(1)[0];
		Money returned = (Money) sent.get(1)[1];
		// Paid 1.00 less, with the bank's charges; and the second paid in full, then
		// returned.
		String upload = HEADER
				+ "2026-11-24,%s,EUR,debit,booked,BNK-1,%s,,,%s,1.00\n".formatted(
						less.minus(Money.ofMinor(100, "EUR")).toDecimal().toPlainString(),
						PayoutReference.shortForm(lessId), OURS)
				+ "2026-11-24,%s,EUR,debit,booked,BNK-2,%s,,,%s,\n".formatted(returned.toDecimal().toPlainString(),
						PayoutReference.shortForm(returnedId), OURS);
		HttpResponse<String> first = post("operator", "/api/reconciliations?file_name=" + event + ".csv", upload);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		JsonNode firstSummary = api.json(first);
		assertThat(firstSummary.path("settled").asInt()).as("a full settlement applies at once").isEqualTo(1);
		assertThat(firstSummary.path("pending_confirmation").asInt()).isEqualTo(1);
		assertThat(status(lessId)).isEqualTo("sent");
		assertThat(status(returnedId)).isEqualTo("settled");
		long firstId = firstSummary.path("statement_id").asLong();

		api.assertProblem(confirm("operator", firstId, ""), 403, "forbidden");
		HttpResponse<String> confirmed = confirm("approver", firstId, "{\"comment\": \"charges checked\"}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		JsonNode afterConfirmation = api.json(confirmed);
		assertThat(afterConfirmation.path("confirmation").asString()).isEqualTo("confirmed");
		assertThat(afterConfirmation.path("confirmed_by").asString()).isEqualTo("api:approver");
		assertThat(afterConfirmation.path("settled_for_less").asInt()).isEqualTo(1);
		assertThat(afterConfirmation.path("entries").get(0).path("kind").asString()).isEqualTo("matched");
		assertThat(afterConfirmation.path("entries").get(0).path("charges").asString()).isEqualTo("1.00");
		assertThat(status(lessId)).isEqualTo("settled");
		api.assertProblem(confirm("approver", firstId, ""), 409, "confirmation-refused");

		String returnAfterSettlement = HEADER + "2026-11-28,%s,EUR,credit,returned,BNK-3,%s,,AC04,%s,\n"
			.formatted(returned.toDecimal().toPlainString(), PayoutReference.shortForm(returnedId), OURS);
		HttpResponse<String> second = post("admin", "/api/reconciliations?file_name=return-" + event + ".csv",
				returnAfterSettlement);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
		long secondId = api.json(second).path("statement_id").asLong();
		JsonNode pending = api.json(get("/api/reconciliations/" + secondId));
		assertThat(pending.path("delivered_by").asString()).isEqualTo("api:admin");
		assertThat(pending.path("confirmation").asString()).isEqualTo("pending");
		assertThat(pending.path("entries").get(0).path("kind").asString()).isEqualTo("pending_confirmation");
		assertThat(pending.path("entries").get(0).path("outcome").asString()).isEqualTo("returned");
		assertThat(status(returnedId)).as("nothing returned until confirmed").isEqualTo("settled");

		HttpResponse<String> byUploader = confirm("admin", secondId, "");
		api.assertProblem(byUploader, 409, "confirmation-refused");
		assertThat(api.json(byUploader).path("detail").asString())
			.isEqualTo("admin delivered statement " + secondId + " and may not confirm it: a second person must");
		assertThat(status(returnedId)).isEqualTo("settled");

		assertThat(confirm("approver", secondId, "").statusCode()).isEqualTo(200);
		assertThat(status(returnedId)).isEqualTo("returned");
		api.assertProblem(confirm("approver", 999999999L, ""), 404, "unknown-statement");
	}

	@Test
	void aStatementOfAnotherAccountIsRefusedWhole() throws Exception {
		String camt = """
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
				<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></Acct>
				<Ntry><Amt Ccy="EUR">0.01</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt>
				  <NtryDtls><TxDtls><Refs><EndToEndId>PO-00000001</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
				</Stmt></BkToCstmrStmt></Document>""";

		HttpResponse<String> foreign = post("operator", "/api/reconciliations?file_name=foreign.xml", camt);
		HttpResponse<String> noAccount = post("operator", "/api/reconciliations?file_name=none.csv",
				"booking_date,amount,currency,direction,end_to_end_ids\n2026-11-23,0.01,EUR,debit,PO-00000001\n");

		api.assertProblem(foreign, 422, "statement-not-ours");
		assertThat(api.json(foreign).path("detail").asString())
			.startsWith("not a statement of our accounts, nothing applied: line 1: account FR76");
		assertThat(api.json(foreign).path("line").asInt()).isEqualTo(1);
		api.assertProblem(noAccount, 422, "statement-not-ours");
		assertThat(api.json(get("/api/reconciliations?limit=500")).findValuesAsString("file_name"))
			.doesNotContain("foreign.xml", "none.csv");
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void badStatementsAndRolesAreProblems() throws Exception {
		HttpResponse<String> noHeader = post("operator", "/api/reconciliations?file_name=bad.csv",
				"2026-11-24,10.00,EUR,debit,booked\n");
		api.assertProblem(noHeader, 400, "invalid-statement");
		assertThat(api.json(noHeader).path("line").asInt()).isEqualTo(1);

		api.assertProblem(post("operator", "/api/reconciliations?file_name=bad.csv", ""), 400, "invalid-statement");
		api.assertProblem(post("operator", "/api/reconciliations?file_name=../x.csv", HEADER), 400, "invalid-request");
		api.assertProblem(post("viewer", "/api/reconciliations?file_name=x.csv", HEADER), 403, "forbidden");
		api.assertProblem(get("/api/reconciliations/999999999"), 404, "unknown-statement");
	}

	private HttpResponse<String> post(String user, String path, String body) throws Exception {
		return api.postStatement(user, path, body);
	}

	private HttpResponse<String> confirm(String user, long statementId, String body) throws Exception {
		return api.as(user, "POST", "/api/reconciliations/" + statementId + "/confirm", body);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return api.get("viewer", path);
	}

}
