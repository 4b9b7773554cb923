package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.support.ApiClient;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * What an attacker sends, over real HTTP: each hostile request gets its documented 4xx
 * problem naming the field, within a second, with nothing stored, held or audited.
 */
class HostileApiInputIntegrationTests extends WebIntegrationTest {

	static final String IBAN = "FR1420041010050500013M02606";

	static final String ENTITY = "6f1c5b1e-2f0a-4a57-9d7a-000000000012";

	static final String NUL = "\\u0000";

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void fundTheEntity() throws Exception {
		HttpResponse<String> funded = send("admin", "POST", "/api/balances/" + ENTITY + "/credits",
				"{\"currency\":\"EUR\",\"amount\":\"5000.00\"}", null);
		assertThat(funded.statusCode()).as(funded.body()).isEqualTo(200);
	}

	/** A payout body with {@code amount} as given (raw JSON) and one field replaced. */
	static String payout(String amountJson, String accountNameJson, String metadataJson) {
		return """
				{"origin_module": "connect", "origin_entity_id": "%s", "currency": "EUR", "amount": %s,
				 "beneficiary": {"account_name": %s, "iban": "%s", "country": "FR"}, "metadata": %s}"""
			.formatted(ENTITY, amountJson, accountNameJson, IBAN, metadataJson);
	}

	static String payoutAmount(String amountJson) {
		return payout(amountJson, "\"Élodie Martin\"", "{\"invoice\": \"INV-1\"}");
	}

	static Stream<Arguments> hostilePayouts() {
		String name = "\"Élodie Martin\"";
		String metadata = "{}";
		return Stream.of(
				// Amounts: one strict rule.
				Arguments.of("exponent in a string", payoutAmount("\"1E+30000000\""), "amount"),
				Arguments.of("small exponent in a string", payoutAmount("\"1e2\""), "amount"),
				Arguments.of("exponent as a JSON number", payoutAmount("1E+30000000"), "amount"),
				Arguments.of("small exponent as a JSON number", payoutAmount("1e2"), "amount"),
				Arguments.of("exponent the value absorbs (1.0E1 = 10)", payoutAmount("1.0E1"), "amount"),
				Arguments.of("Arabic-Indic digits", payoutAmount("\"١٠٠\""), "amount"),
				Arguments.of("full-width digits", payoutAmount("\"１００\""), "amount"),
				Arguments.of("plus sign", payoutAmount("\"+100\""), "amount"),
				Arguments.of("thousands separator", payoutAmount("\"1,000.00\""), "amount"),
				Arguments.of("20 integer digits", payoutAmount("\"99999999999999999999.99\""), "amount"),
				Arguments.of("20 integer digits as a number", payoutAmount("99999999999999999999.99"), "amount"),
				Arguments.of("300000 digits", payoutAmount("\"" + "9".repeat(300_000) + "\""), "amount"),
				Arguments.of("too many decimals", payoutAmount("\"10.001\""), "amount"),
				Arguments.of("array as amount", payoutAmount("[1]"), "amount"),
				Arguments.of("object as amount", payoutAmount("{\"value\": 1}"), "amount"),
				Arguments.of("boolean as amount", payoutAmount("true"), "amount"),
				Arguments.of("empty amount", payoutAmount("\"\""), "amount"),
				Arguments.of("negative amount", payoutAmount("\"-5\""), "amount"),
				Arguments.of("NaN text", payoutAmount("\"NaN\""), "amount"),
				// Text fields: length and NUL.
				Arguments.of("account_name of 201 characters",
						payout("\"10.00\"", "\"" + "x".repeat(201) + "\"", metadata), "beneficiary.account_name"),
				Arguments.of("NUL in account_name", payout("\"10.00\"", "\"a" + NUL + "b\"", metadata),
						"beneficiary.account_name"),
				Arguments.of("NUL in metadata", payout("\"10.00\"", name, "{\"note\": \"a" + NUL + "\"}"),
						"metadata.note"),
				Arguments.of("metadata of 20 KB",
						payout("\"10.00\"", name, "{\"blob\": \"" + "m".repeat(20_000) + "\"}"), "metadata"),
				Arguments.of("metadata as an array", payout("\"10.00\"", name, "[1, 2]"), "metadata"),
				Arguments.of("account_name as an object", payout("\"10.00\"", "{\"a\": 1}", metadata),
						"beneficiary.account_name"),
				Arguments.of("body is an array", "[1, 2, 3]", ""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostilePayouts")
	void aHostilePayoutIsA400NamingTheFieldAndChangesNothing(String what, String body, String field) throws Exception {
		long[] before = state();
		long started = System.nanoTime();

		HttpResponse<String> response = send("operator", "POST", "/api/payouts", body, UUID.randomUUID().toString());

		assertFast(started);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(fields(response)).as(response.body()).contains(field);
		assertThat(state()).as("payouts, holds, audit events, balance").containsExactly(before);
	}

	static Stream<Arguments> hostileCalls() {
		String credits = "/api/balances/" + ENTITY + "/credits";
		return Stream.of(
				Arguments.of("credit with a huge exponent", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":\"1E+999999999\"}", 400, "amount"),
				Arguments.of("credit with an exponent number", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":1E+999999999}", 400, "amount"),
				Arguments.of("credit with an exponent the value absorbs", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":1.00e2}", 400, "amount"),
				Arguments.of("credit overflowing", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":\"99999999999999999999.99\"}", 400, "amount"),
				Arguments.of("credit with an array", "admin", "POST", credits, "{\"currency\":\"EUR\",\"amount\":[1]}",
						400, "amount"),
				Arguments.of("credit with an object", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":{\"a\":1}}", 400, "amount"),
				Arguments.of("credit with Arabic-Indic digits", "admin", "POST", credits,
						"{\"currency\":\"EUR\",\"amount\":\"٥\"}", 400, "amount"),
				Arguments.of("credit with a NUL currency", "admin", "POST", credits,
						"{\"currency\":\"E" + NUL + "R\",\"amount\":\"1\"}", 400, "currency"),
				Arguments.of("credit body as an array", "admin", "POST", credits, "[]", 400, ""),
				Arguments.of("malformed JSON", "operator", "POST", "/api/payouts", "{\"amount\": ", 400, null),
				Arguments.of("NaN as a JSON token", "operator", "POST", "/api/payouts", "{\"amount\": NaN}", 400, null),
				Arguments.of("routing rule with an exponent", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":\"1e1\",\"fixed_fee\":\"1\"}", 400, "rate_percent"),
				Arguments.of("routing rule with an exponent number", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":1.0E0,\"fixed_fee\":\"1\"}", 400, "rate_percent"),
				Arguments.of("routing rule fee overflowing", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":\"1\",\"fixed_fee\":\"99999999999999999\"}", 400,
						"fixed_fee"),
				Arguments.of("routing rule with an array fee", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":\"1\",\"fixed_fee\":[1]}", 400, "fixed_fee"),
				Arguments.of("routing rule with a long origin_module", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":\"1\",\"fixed_fee\":\"1\",\"origin_module\":\""
								+ "m".repeat(201) + "\"}",
						400, "origin_module"),
				Arguments.of("routing rule with active as a string", "admin", "POST", "/api/routing-rules",
						"{\"priority\":\"normal\",\"rate_percent\":\"1\",\"fixed_fee\":\"1\",\"active\":\"no\"}", 400,
						"active"),
				Arguments.of("NUL in a query parameter", "viewer", "GET", "/api/payouts?currency=EU%00R", null, 400,
						"currency"),
				Arguments.of("comment with NUL on cancel", "operator", "POST", "/api/payouts/1/cancel",
						"{\"comment\":\"no" + NUL + "\"}", 400, "comment"),
				Arguments.of("comment of 1001 characters on approve", "approver", "POST", "/api/payouts/1/approve",
						"{\"comment\":\"" + "c".repeat(1001) + "\"}", 400, "comment"),
				Arguments.of("comment as an array on reject", "approver", "POST", "/api/payouts/1/reject",
						"{\"comment\":[\"x\"]}", 400, "comment"),
				Arguments.of("comment with NUL on a run approval", "admin", "POST", "/api/runs/1/approve",
						"{\"comment\":\"" + NUL + "\"}", 400, "comment"),
				Arguments.of("statement file name with a path", "operator", "POST",
						"/api/reconciliations?file_name=..%2F..%2Fetc%2Fpasswd", "a,b\n1,2\n", 400, null),
				Arguments.of("statement with a 300000-digit amount", "operator", "POST", "/api/reconciliations",
						"booking_date,amount,currency,direction,end_to_end_ids\n2026-01-05," + "9".repeat(60_000)
								+ ",EUR,DBIT,E2E-1\n",
						400, null));
	}

	@Test
	void aCreditThatWouldOverflowTheBalanceIsA400() throws Exception {
		String credits = "/api/balances/" + java.util.UUID.randomUUID() + "/credits";
		String huge = "{\"currency\":\"EUR\",\"amount\":\"90000000000000000.00\"}";
		assertThat(send("admin", "POST", credits, huge, null).statusCode()).isEqualTo(200);

		HttpResponse<String> overflow = send("admin", "POST", credits, huge, null);

		assertThat(overflow.statusCode()).as(overflow.body()).isEqualTo(400);
		assertThat(overflow.body()).contains("beyond what it can hold");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileCalls")
	void aHostileCallIsItsDocumented4xxAndChangesNothing(String what, String user, String method, String path,
			String body, int status, String field) throws Exception {
		long[] before = state();
		long started = System.nanoTime();

		HttpResponse<String> response = send(user, method, path, body, null);

		assertFast(started);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		if (field != null) {
			assertThat(fields(response)).as(response.body()).contains(field);
		}
		assertThat(state()).as("payouts, holds, audit events, balance").containsExactly(before);
	}

	@Test
	void aRequestRefusedBeforeAnyControllerIsAProblemWithItsCorrelationId() throws Exception {
		for (String path : List.of("/api/payouts;x=1", "/api/payouts/%2e%2e/runs")) {
			HttpResponse<String> response = send("viewer", "GET", path, null, null);

			api.assertProblem(response, 400, "rejected-request");
			assertThat(json.readTree(response.body()).path("correlation_id").asString())
				.isEqualTo(response.headers().firstValue("X-Correlation-Id").orElseThrow());
		}
		api.assertProblem(send("viewer", "GET", "/error", null, null), 404, "not-found");
		for (String query : List.of("status=%zz", "status=%C3%28", "%FF=1")) {
			api.assertProblem(api.getRaw("viewer", "/api/payouts?" + query), 400, "invalid-request");
		}
	}

	@Test
	void aRequestTomcatItselfRefusesIsAProblemToo() throws Exception {
		for (String target : List.of("/api/payouts/a%00b", "/api/payouts/a%2Fb", "/api/payouts/a%5Cb", "/runs/%zz")) {
			api.assertProblem(api.getRaw("viewer", target), 400, "rejected-request");
		}
	}

	@Test
	void aBrowserRefusedBeforeAnyPageGetsTheErrorPage() throws Exception {
		HttpResponse<String> response = api.send(api.request("/runs;x=1").header("Accept", "text/html"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("Problem <span>400</span>", "address or headers are malformed",
				response.headers().firstValue("X-Correlation-Id").orElseThrow());

		ApiClient.RawResponse malformed = api.getRaw("viewer", "/payouts?status=%zz", "text/html");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("text/html");
		assertThat(malformed.body()).contains("Problem <span>400</span>",
				"status: is not correctly percent-encoded UTF-8");
	}

	@Test
	void aBodyInAnotherCharsetIsCheckedAsTheConverterReadsIt() throws Exception {
		long[] before = state();
		byte[] latin1 = payout("\"10.00\"", "\"Élodie\"", "{\"note\": \"a" + NUL + "\"}")
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

		HttpResponse<String> response = api.send(api.request("/api/payouts")
			.header("Authorization", ApiClient.demo("operator"))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json;charset=ISO-8859-1")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1)));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(fields(response)).as(response.body()).contains("metadata.note");
		assertThat(state()).containsExactly(before);
	}

	@Test
	void aPlainJsonNumberIsStillAnAmount() throws Exception {
		HttpResponse<String> response = send("operator", "POST", "/api/payouts", payoutAmount("10.50"),
				UUID.randomUUID().toString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(json.readTree(response.body()).path("amount").asString()).isEqualTo("10.50");
	}

	@Test
	void requestBodiesAboveTheLimitAre413() throws Exception {
		long[] before = state();
		String huge = payout("\"10.00\"", "\"" + "x".repeat(2 * 1024 * 1024) + "\"", "{}");

		HttpResponse<String> response = send("operator", "POST", "/api/payouts", huge, UUID.randomUUID().toString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:payout-runner:problem:request-too-large");
		HttpResponse<String> statement = send("operator", "POST", "/api/reconciliations", "x".repeat(65 * 1024), null);
		assertThat(statement.statusCode()).as(statement.body()).isEqualTo(413);
		assertThat(state()).containsExactly(before);
	}

	@Test
	void aCommentWithQuotesNewlinesAndTabsIsAuditedAsValidJson() throws Exception {
		HttpResponse<String> created = send("operator", "POST", "/api/payouts", payoutAmount("\"10.00\""),
				UUID.randomUUID().toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = json.readTree(created.body()).path("id").asLong();

		HttpResponse<String> cancelled = send("operator", "POST", "/api/payouts/" + id + "/cancel",
				"{\"comment\":\"line one\\nline\\ttwo \\\"quoted\\\" back\\\\slash \\u0007\"}", null);

		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		String details = jdbc
			.sql("SELECT details::text FROM audit_events WHERE action = 'cancelled' AND "
					+ "entity_id = :id ORDER BY id DESC LIMIT 1")
			.param("id", Long.toString(id))
			.query(String.class)
			.single();
		assertThat(json.readTree(details).path("comment").asString())
			.isEqualTo("line one\nline\ttwo \"quoted\" back\\slash \u0007");
	}

	@Test
	void aJsonNumberWithoutExponentIsAnAmount() throws Exception {
		HttpResponse<String> created = send("operator", "POST", "/api/payouts", payoutAmount("12.50"),
				UUID.randomUUID().toString());

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).path("amount").asString()).isEqualTo("12.50");
	}

	@Test
	void everyAnswerCarriesACorrelationId() throws Exception {
		HttpResponse<String> response = send("admin", "GET", "/api/runs/not-a-number", null, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
		ProblemDetailAssert.noInternals(response.body());
	}

	@Test
	void aServerErrorSaysNothingOfItsCauseAndGivesTheCorrelationIdOfItsLogLine() {
		org.slf4j.MDC.put("correlation_id", "c0ffee");
		try {
			var problem = new ApiProblemHandler().unexpected(new IllegalStateException(
					"ERROR: relation \"payouts\" ... SELECT * FROM payouts in /srv/payout-runner/reports/1"));

			assertThat(problem.getStatus()).isEqualTo(500);
			assertThat(problem.getDetail()).doesNotContain("SELECT").doesNotContain("/srv");
			assertThat(problem.getProperties()).containsEntry("correlation_id", "c0ffee");
		}
		finally {
			org.slf4j.MDC.remove("correlation_id");
		}
	}

	/** Payouts, holds, audit events and the entity's EUR balance. */
	private long[] state() {
		return new long[] { count("payouts"), count("holds"), count("audit_events"), count("routing_rules"), jdbc.sql(
				"SELECT coalesce(sum(balance_minor), 0) FROM entity_balances WHERE origin_entity_id = CAST(:e AS uuid)")
			.param("e", ENTITY)
			.query(Long.class)
			.single() };
	}

	private long count(String table) {
		return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static void assertFast(long started) {
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	private List<String> fields(HttpResponse<String> response) {
		JsonNode problem = json.readTree(response.body());
		ProblemDetailAssert.noInternals(response.body());
		return problem.path("errors").valueStream().map(error -> error.path("field").asString()).toList();
	}

	/** Statements as text/csv (the web context takes up to 64 KB), the rest as JSON. */
	private HttpResponse<String> send(String user, String method, String path, String body, String key)
			throws Exception {
		return path.startsWith("/api/reconciliations") ? api.postStatement(user, path, body)
				: api.as(user, method, path, body, key);
	}

	/** No SQL, no stack trace, no server path in a problem. */
	static final class ProblemDetailAssert {

		static void noInternals(String body) {
			assertThat(body).doesNotContainIgnoringCase("select ")
				.doesNotContain("org.postgresql")
				.doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain(System.getProperty("user.dir"));
		}

	}

}
