package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.intake.PayoutImportOperations;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * Statements reconciled through the API: the body is the statement, the answer its
 * summary; the same statement again is already applied; what each line did can be read
 * back; an unreadable statement is a problem naming its line, and reading is all a viewer
 * may do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.main.web-application-type=servlet",
		"payout.bank-files.statements=target/it-reconciliations-api/statements" })
class ReconciliationsApiIntegrationTests extends PostgresIntegrationTest {

	static final String HEADER = "booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,"
			+ "payment_order_id,return_reason\n";

	@LocalServerPort
	int port;

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aStatementPostedIsReconciledOnceAndEachLineCanBeReadBack() throws Exception {
		String event = TestEvents.unique("RAPI");
		imports.importFile(event, SampleEvent.FILE);
		assertThat(runs.run(event).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		var sent = jdbc.sql("""
				SELECT p.id, p.created_at, l.rail_amount_minor, l.rail_currency FROM payouts p
				JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
				WHERE p.liquidation_event_id = :event AND p.status = 'sent' ORDER BY p.id LIMIT 1""")
			.param("event", event)
			.query((rs,
					n) -> new Object[] { rs.getLong(1), PayoutReference.of(rs.getLong(1),
							rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()),
							Money.ofMinor(rs.getLong(3), rs.getString(4).strip()) })
			.single();
		Money rail = (Money) sent[2];
		String statement = HEADER + "2026-11-24,%s,%s,debit,booked,BNK-1,%s,,\n"
			.formatted(rail.toDecimal().toPlainString(), rail.code(), sent[1])
				+ "2026-11-24,10.00,EUR,debit,booked,BNK-2,PO-20261121-FFFFFFF0,,\n";

		HttpResponse<String> created = post("operator", "/api/reconciliations?file_name=" + event + ".csv", statement);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode summary = json.readTree(created.body());
		assertThat(summary.path("status").asString()).isEqualTo("applied");
		assertThat(summary.path("statement").asString()).isEqualTo(event + ".csv");
		assertThat(summary.path("settled").asInt()).isEqualTo(1);
		assertThat(summary.path("unmatched").asInt()).isEqualTo(1);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).isEqualTo("/api/reconciliations/" + summary.path("statement_id").asLong());
		assertThat(
				jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", sent[0]).query(String.class).single())
			.isEqualTo("settled");

		HttpResponse<String> again = post("operator", "/api/reconciliations?file_name=again.csv", statement);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("status").asString()).isEqualTo("already_applied");

		JsonNode read = json.readTree(get(location).body());
		assertThat(read.path("settled").asInt()).isEqualTo(1);
		assertThat(read.path("lines").asInt()).as("the statement's line count").isEqualTo(2);
		assertThat(read.path("entries")).hasSize(2);
		assertThat(read.path("entries").get(0).path("outcome").asString()).isEqualTo("settled");
		assertThat(read.path("entries").get(0).path("payout_ids").get(0).asString()).isEqualTo(sent[0].toString());
		assertThat(read.path("entries").get(1).path("kind").asString()).isEqualTo("unmatched");
		assertThat(read.path("entries").get(1).path("reason").asString()).startsWith("no payout");
		assertThat(json.readTree(get("/api/reconciliations").body()).findValuesAsString("file_name"))
			.contains(event + ".csv");
	}

	@Test
	void badStatementsAndRolesAreProblems() throws Exception {
		HttpResponse<String> noHeader = post("operator", "/api/reconciliations?file_name=bad.csv",
				"2026-11-24,10.00,EUR,debit,booked\n");
		assertProblem(noHeader, 400, "invalid-statement");
		assertThat(json.readTree(noHeader.body()).path("line").asInt()).isEqualTo(1);

		assertProblem(post("operator", "/api/reconciliations?file_name=bad.csv", ""), 400, "invalid-statement");
		assertProblem(post("operator", "/api/reconciliations?file_name=../x.csv", HEADER), 400, "invalid-request");
		assertProblem(post("viewer", "/api/reconciliations?file_name=x.csv", HEADER), 403, "forbidden");
		assertProblem(get("/api/reconciliations/999999999"), 404, "unknown-statement");
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:payout-runner:problem:" + type);
	}

	private HttpResponse<String> post(String user, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", basic(user))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", basic("viewer"))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String user) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8));
	}

}
