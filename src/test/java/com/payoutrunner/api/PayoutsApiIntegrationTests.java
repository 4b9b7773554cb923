package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.Fingerprints;
import com.payoutrunner.core.Sha256;
import com.payoutrunner.requests.PayoutRequestParser;
import com.payoutrunner.routing.FxRateTable;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Payouts one by one over HTTP: pricing, idempotency (replay, another body, concurrent
 * requests with one key), field-by-field validation, holds against the balance (a race
 * for the last funds never overdraws), cancellation, listing.
 */
class PayoutsApiIntegrationTests extends WebIntegrationTest {

	static final String IBAN = "FR1420041010050500013M02606";

	@Autowired
	JsonMapper json;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	FxRateTable fxRates;

	@Autowired
	ImportedEvents events;

	String entity;

	@BeforeEach
	void fundAnEntity() throws Exception {
		entity = UUID.randomUUID().toString();
		assertThat(credit(entity, "EUR", "5000.00").statusCode()).isEqualTo(200);
	}

	@Test
	void aPayoutIsPricedHeldAndReturnedAgainForItsKey() throws Exception {
		String key = UUID.randomUUID().toString();

		HttpResponse<String> created = create(key, payout("1000", "normal"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode payout = json.readTree(created.body());
		assertThat(payout.path("external_id").asString()).isEqualTo(key);
		assertThat(payout.path("status").asString()).isEqualTo("pending");
		assertThat(payout.path("amount").asString()).isEqualTo("1000.00");
		assertThat(payout.path("molam_fee").asString()).isEqualTo("2.50");
		assertThat(payout.path("bank_fee").asString()).isEqualTo("0.50");
		assertThat(payout.path("net_amount").asString()).isEqualTo("997.00");
		assertThat(payout.path("reference_code").asString()).matches("PO-\\d{8}-[0-9A-F]{8}");
		assertThat(payout.path("hold_id").asLong()).isPositive();
		assertThat(payout.path("beneficiary").path("account").asString()).doesNotContain("0500013M");
		assertThat(payout.path("beneficiary").has("account_full")).isFalse();
		assertThat(available()).isEqualTo("4000.00");
		assertThat(jdbc.sql("SELECT iban || coalesce(external_account_id, '-') FROM payouts WHERE external_id = :key")
			.param("key", key)
			.query(String.class)
			.single()).as("stored encrypted; no external account was given")
			.startsWith("enc:v1:")
			.endsWith("-")
			.doesNotContain(IBAN);
		String path = "/api/payouts/" + payout.path("id").asLong();
		assertThat(json.readTree(get(path)).path("beneficiary").has("account_full")).as("viewer").isFalse();
		assertThat(json.readTree(sendAs("operator", "GET", path, null, null).body())
			.path("beneficiary")
			.path("account_full")
			.asString()).isEqualTo(IBAN);
		assertThat(json.readTree(get("/api/payouts?origin_entity_id=" + entity)).path("items").toString())
			.as("lists stay masked")
			.doesNotContain(IBAN)
			.doesNotContain("account_full");

		HttpResponse<String> again = create(key, payout("1000.00", "normal"));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("id").asLong()).isEqualTo(payout.path("id").asLong());
		assertThat(available()).as("no second hold").isEqualTo("4000.00");

		HttpResponse<String> other = create(key, payout("999.00", "normal"));
		api.assertProblem(other, 422, "idempotency-key-reused");

		HttpResponse<String> instant = create(UUID.randomUUID().toString(), payout("1000", "instant"));
		JsonNode priced = json.readTree(instant.body());
		assertThat(priced.path("molam_fee").asString()).isEqualTo("5.00");
		assertThat(priced.path("bank_fee").asString()).isEqualTo("2.00");
		assertThat(priced.path("net_amount").asString()).isEqualTo("993.00");
	}

	@Test
	void aRequestIsFingerprintedWithAKeyAndOneStoredBeforeThatStillReplays() throws Exception {
		String key = UUID.randomUUID().toString();
		HttpResponse<String> created = create(key, payout("100", "normal"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String plain = Sha256.hex(new PayoutRequestParser(json, currency -> true)
			.parse(json.readTree(payout("100", "normal")), Instant.now())
			.request()
			.canonical());
		assertThat(requestFingerprint(key)).startsWith(Fingerprints.PREFIX).doesNotContain(plain);
		assertThat(create(key, payout("100.00", "normal")).statusCode()).isEqualTo(200);
		api.assertProblem(create(key, payout("99", "normal")), 422, "idempotency-key-reused");
		// As stored before fingerprints were keyed: a plain SHA-256 of the request.
		jdbc.sql("UPDATE payouts SET request_sha256 = :plain WHERE external_id = :key")
			.param("plain", plain)
			.param("key", key)
			.update();

		HttpResponse<String> replay = create(key, payout("100.00", "normal"));

		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
		assertThat(json.readTree(replay.body()).path("id").asLong())
			.isEqualTo(json.readTree(created.body()).path("id").asLong());
		assertThat(available()).as("no second hold").isEqualTo("4900.00");
		api.assertProblem(create(key, payout("99", "normal")), 422, "idempotency-key-reused");
		assertThat(requestFingerprint(key)).as("left as stored").isEqualTo(plain);
	}

	@Test
	void everyBadFieldIsNamed() throws Exception {
		api.assertProblem(send("POST", "/api/payouts", payout("10", "normal"), null), 400, "invalid-request");

		HttpResponse<String> bad = create(UUID.randomUUID().toString(), """
				{"origin_module": "connect", "origin_entity_id": "not-a-uuid", "currency": "XXY", "amount": "-5",
				 "priority": "urgent", "scheduled_run": "2001-01-01T00:00:00Z",
				 "beneficiary": {"account_name": "A", "iban": "FR1420041010050500013M02607", "bic": "NOTABIC",
				                 "country": "FR"}}""");

		api.assertProblem(bad, 400, "invalid-payout");
		assertThat(json.readTree(bad.body()).path("errors")).extracting(error -> error.path("field").asString())
			.containsExactlyInAnyOrder("origin_entity_id", "currency", "amount", "priority", "scheduled_run",
					"beneficiary.iban", "beneficiary.bic");
		HttpResponse<String> tooPrecise = create(UUID.randomUUID().toString(), payout("10.001", "normal"));
		assertThat(json.readTree(tooPrecise.body()).path("errors").get(0).path("message").asString())
			.contains("more decimals");
		HttpResponse<String> eatenByFees = create(UUID.randomUUID().toString(), payout("0.50", "normal"));
		api.assertProblem(eatenByFees, 400, "invalid-payout");
	}

	@Test
	void aBeneficiaryMayBeGivenByItsExternalAccountAloneButNeverByNothing() throws Exception {
		String byExternalAccount = """
				{"origin_module": "connect", "origin_entity_id": "%s", "currency": "EUR", "amount": "100.00",
				 "beneficiary": {"account_name": "Ana Lima", "external_account_id": "ea_pt_8k2m", "country": "PT"}}"""
			.formatted(entity);
		HttpResponse<String> created = create(UUID.randomUUID().toString(), byExternalAccount);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode payout = json.readTree(get("/api/payouts/" + json.readTree(created.body()).path("id").asLong()));
		assertThat(payout.path("beneficiary").path("external_account_id").asString()).isEqualTo("ea_pt_8k2m");

		HttpResponse<String> nobody = create(UUID.randomUUID().toString(),
				byExternalAccount.replace("\"external_account_id\": \"ea_pt_8k2m\", ", ""));
		api.assertProblem(nobody, 400, "invalid-payout");
		assertThat(json.readTree(nobody.body()).path("errors").get(0).path("field").asString())
			.isEqualTo("beneficiary.external_account_id");
		HttpResponse<String> malformed = create(UUID.randomUUID().toString(),
				byExternalAccount.replace("ea_pt_8k2m", "ea pt <b>"));
		api.assertProblem(malformed, 400, "invalid-payout");
		assertThat(json.readTree(malformed.body()).path("errors").get(0).path("message").asString())
			.contains("1 to 64 letters");
	}

	@Test
	void concurrentRequestsWithOneKeyMakeOnePayout() throws Exception {
		String key = UUID.randomUUID().toString();
		List<HttpResponse<String>> answers = concurrently(8, i -> create(key, payout("100", "normal")));

		assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(answers).extracting(answer -> json.readTree(answer.body()).path("id").asLong())
			.containsOnly(json.readTree(answers.get(0).body()).path("id").asLong());
		assertThat(available()).isEqualTo("4900.00");
	}

	@Test
	void aRaceForTheLastFundsNeverOverdraws() throws Exception {
		List<HttpResponse<String>> answers = concurrently(10,
				i -> create(UUID.randomUUID().toString(), payout("1500", "normal")));

		assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(3);
		assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
			.hasSize(7)
			.allSatisfy(answer -> assertThat(json.readTree(answer.body()).path("type").asString())
				.isEqualTo("urn:payout-runner:problem:insufficient_funds"));
		assertThat(available()).isEqualTo("500.00");
	}

	@Test
	void aCancelledPayoutGivesItsHoldBackAndIsListedAndTraced() throws Exception {
		long id = json.readTree(create(UUID.randomUUID().toString(), payout("2000", "low")).body()).path("id").asLong();
		assertThat(available()).isEqualTo("3000.00");

		HttpResponse<String> cancelled = send("POST", "/api/payouts/" + id + "/cancel", "{\"comment\":\"duplicate\"}",
				null);

		assertThat(cancelled.statusCode()).isEqualTo(200);
		assertThat(json.readTree(cancelled.body()).path("status").asString()).isEqualTo("cancelled");
		assertThat(json.readTree(cancelled.body()).path("hold").path("status").asString()).isEqualTo("cancelled");
		assertThat(available()).isEqualTo("5000.00");
		api.assertProblem(send("POST", "/api/payouts/" + id + "/cancel", "", null), 409, "not-cancellable");

		JsonNode page = json.readTree(get("/api/payouts?origin_entity_id=" + entity + "&status=cancelled&limit=1"));
		assertThat(page.path("total").asLong()).isEqualTo(1);
		assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(id);
		JsonNode trace = json.readTree(get("/api/payouts/" + id + "/trace"));
		assertThat(trace).extracting(event -> event.path("action").asString())
			.containsExactly("payout_created", "cancelled");
		api.assertProblem(send("GET", "/api/payouts/987654321", null, null), 404, "unknown-payout");
		long holdId = json.readTree(cancelled.body()).path("hold").path("id").asLong();
		assertThat(
				jdbc.sql("SELECT action FROM audit_events WHERE entity_type = 'hold' AND entity_id = :id ORDER BY id")
					.param("id", Long.toString(holdId))
					.query(String.class)
					.list())
			.containsExactly("hold_placed", "hold_cancelled");
	}

	@Test
	void aPayoutAboveItsThresholdNeedsTwoDistinctApproversNeverItsCreator() throws Exception {
		credit(entity, "EUR", "40000.00");
		long id = json.readTree(create(UUID.randomUUID().toString(), payout("12000", "normal")).body())
			.path("id")
			.asLong();
		assertThat(json.readTree(get("/api/payouts/" + id)).path("status").asString()).isEqualTo("awaiting_approval");

		assertThat(sendAs("operator", "POST", "/api/payouts/" + id + "/approve", "{}", null).statusCode())
			.as("the creator, and not an approver")
			.isEqualTo(403);
		HttpResponse<String> first = sendAs("approver", "POST", "/api/payouts/" + id + "/approve",
				"{\"comment\":\"checked the invoice\"}", null);
		assertThat(json.readTree(first.body()).path("status").asString()).isEqualTo("awaiting_approval");
		assertThat(json.readTree(first.body()).path("approvals").asInt()).isEqualTo(1);
		api.assertProblem(sendAs("approver", "POST", "/api/payouts/" + id + "/approve", "{}", null), 409,
				"approval-refused");
		HttpResponse<String> second = sendAs("admin", "POST", "/api/payouts/" + id + "/approve", "{}", null);
		assertThat(json.readTree(second.body()).path("status").asString()).isEqualTo("pending");

		long selfMade = json
			.readTree(sendAs("admin", "POST", "/api/payouts", payout("15000", "normal"), UUID.randomUUID().toString())
				.body())
			.path("id")
			.asLong();
		api.assertProblem(sendAs("admin", "POST", "/api/payouts/" + selfMade + "/approve", "{}", null), 409,
				"approval-refused");
		HttpResponse<String> rejected = sendAs("approver", "POST", "/api/payouts/" + selfMade + "/reject",
				"{\"comment\":\"unknown beneficiary\"}", null);
		assertThat(json.readTree(rejected.body()).path("status").asString()).isEqualTo("rejected");
		assertThat(json.readTree(rejected.body()).path("hold").path("status").asString()).isEqualTo("cancelled");
		assertThat(available()).isEqualTo("33000.00");
	}

	@Test
	void aMoreSpecificRoutingRulePricesThePayoutAndEveryChangeIsAudited() throws Exception {
		String module = "m" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		HttpResponse<String> rule = sendAs("admin", "POST", "/api/routing-rules", """
				{"priority": "normal", "currency": "EUR", "origin_module": "%s", "rate_percent": "0.10",
				 "fixed_fee": "0.20"}""".formatted(module), null);
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
		long ruleId = json.readTree(rule.body()).path("id").asLong();
		assertThat(sendAs("operator", "POST", "/api/routing-rules", "{}", null).statusCode()).isEqualTo(403);

		JsonNode priced = json.readTree(create(UUID.randomUUID().toString(),
				payout("1000", "normal").replace("\"connect\"", "\"" + module + "\""))
			.body());
		assertThat(priced.path("molam_fee").asString()).isEqualTo("1.00");
		assertThat(priced.path("bank_fee").asString()).isEqualTo("0.20");
		assertThat(priced.path("net_amount").asString()).isEqualTo("998.80");

		HttpResponse<String> off = sendAs("admin", "PUT", "/api/routing-rules/" + ruleId, """
				{"priority": "normal", "currency": "EUR", "origin_module": "%s", "rate_percent": "0.10",
				 "fixed_fee": "0.20", "active": false}""".formatted(module), null);
		assertThat(json.readTree(off.body()).path("active").asBoolean()).isFalse();
		JsonNode standard = json.readTree(create(UUID.randomUUID().toString(),
				payout("1000", "normal").replace("\"connect\"", "\"" + module + "\""))
			.body());
		assertThat(standard.path("molam_fee").asString()).isEqualTo("2.50");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_events WHERE entity_type = 'routing_rule' AND entity_id = :id")
			.param("id", Long.toString(ruleId))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void everyPriorityHasAThresholdSoAnInstantPayoutCannotSkipApproval() throws Exception {
		credit(entity, "EUR", "100000.00");

		assertThat(status(create(UUID.randomUUID().toString(), payout("40000", "instant"))))
			.isEqualTo("awaiting_approval");
		assertThat(status(create(UUID.randomUUID().toString(), payout("10000.01", "priority"))))
			.isEqualTo("awaiting_approval");
		assertThat(status(create(UUID.randomUUID().toString(), payout("10000.00", "instant"))))
			.as("at the threshold, not above it")
			.isEqualTo("pending");
		assertThat(status(create(UUID.randomUUID().toString(), payout("40000", "low")))).isEqualTo("pending");
	}

	@Test
	void thresholdsWeighAnAmountByItsValueInEurosNotByItsNumber() throws Exception {
		// EUR 10,000 is USD 10,708.93... and GBP 8,471.83... at the FX table's rates.
		credit(entity, "USD", "40000.00");
		credit(entity, "GBP", "20000.00");
		credit(entity, "EUR", "10000.00");

		assertThat(status(create(UUID.randomUUID().toString(), payoutIn("USD", "10708.94", "normal"))))
			.isEqualTo("awaiting_approval");
		assertThat(status(create(UUID.randomUUID().toString(), payoutIn("USD", "10708.93", "normal"))))
			.isEqualTo("pending");
		assertThat(status(create(UUID.randomUUID().toString(), payoutIn("GBP", "9000.00", "normal"))))
			.as("GBP 9,000 is worth more than EUR 10,000")
			.isEqualTo("awaiting_approval");
		assertThat(status(create(UUID.randomUUID().toString(), payout("9000.00", "normal")))).isEqualTo("pending");
		long id = json.readTree(create(UUID.randomUUID().toString(), payoutIn("USD", "10708.95", "normal")).body())
			.path("id")
			.asLong();
		assertThat(jdbc
			.sql("SELECT details->>'approval' FROM audit_events WHERE entity_type = 'payout'"
					+ " AND entity_id = :id AND action = 'payout_created'")
			.param("id", Long.toString(id))
			.query(String.class)
			.single()).isEqualTo("10708.95 USD is above the approval threshold 10000.00 EUR (fee-schedule.csv:4)");
	}

	@Test
	void aboveTheCeilingAPayoutNeedsApprovalWhateverItsRuleSays() throws Exception {
		String module = "m" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		HttpResponse<String> rule = sendAs("admin", "POST", "/api/routing-rules", """
				{"priority": "low", "origin_module": "%s", "rate_percent": "0.15", "fixed_fee": "0.25",
				 "approval_threshold": "500000", "approval_threshold_currency": "EUR"}""".formatted(module), null);
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
		credit(entity, "EUR", "300000.00");

		assertThat(status(create(UUID.randomUUID().toString(),
				payout("100000.00", "low").replace("\"connect\"", "\"" + module + "\""))))
			.isEqualTo("pending");
		assertThat(status(create(UUID.randomUUID().toString(),
				payout("100000.01", "low").replace("\"connect\"", "\"" + module + "\""))))
			.isEqualTo("awaiting_approval");
	}

	@ParameterizedTest
	@ValueSource(strings = { "XAU", "KWD" })
	void aCurrencyNoRailCanPayIsRefusedAndNothingIsHeld(String currency) throws Exception {
		String key = UUID.randomUUID().toString();

		HttpResponse<String> refused = create(key, payoutIn(currency, "9999", "normal"));

		api.assertProblem(refused, 400, "invalid-payout");
		assertThat(json.readTree(refused.body()).path("errors")).extracting(error -> error.path("field").asString())
			.containsExactly("currency");
		assertThat(json.readTree(refused.body()).path("errors").get(0).path("message").asString())
			.isEqualTo(currency + " cannot be paid: it has no FX rate (config/fx/fx-rates.csv) to convert it to a"
					+ " rail's currency");
		assertThat(jdbc.sql("SELECT count(*) FROM payouts WHERE external_id = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> credit = credit(entity, currency, "10");
		api.assertProblem(credit, 400, "invalid-request");
		assertThat(json.readTree(credit.body()).path("errors").get(0).path("field").asString()).isEqualTo("currency");
		assertThat(available()).isEqualTo("5000.00");
	}

	@Test
	void theFixedFeeIsEurosConvertedIntoThePayoutsCurrency() throws Exception {
		credit(entity, "JPY", "1000000");
		credit(entity, "USD", "1000.00");
		BigDecimal eur = fxRates.quote(java.util.Currency.getInstance("EUR")).orElseThrow().unitsPerUsd();
		BigDecimal jpy = fxRates.quote(java.util.Currency.getInstance("JPY")).orElseThrow().unitsPerUsd();
		String yen = new BigDecimal("0.50").multiply(jpy).divide(eur, 0, RoundingMode.HALF_UP).toPlainString();

		JsonNode inYen = json
			.readTree(create(UUID.randomUUID().toString(), payoutIn("JPY", "100000", "normal")).body());
		JsonNode inDollars = json
			.readTree(create(UUID.randomUUID().toString(), payoutIn("USD", "1000.00", "normal")).body());

		assertThat(yen).isEqualTo("86");
		assertThat(inYen.path("bank_fee").asString()).isEqualTo(yen);
		assertThat(inYen.path("molam_fee").asString()).isEqualTo("250");
		assertThat(inYen.path("net_amount").asString()).isEqualTo("99664");
		assertThat(inDollars.path("bank_fee").asString()).as("EUR 0.50 / 0.9338").isEqualTo("0.54");
		assertThat(inDollars.path("net_amount").asString()).isEqualTo("996.96");
	}

	@Test
	void aRoutingRulesFixedFeeStatesItsCurrency() throws Exception {
		String module = "m" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		HttpResponse<String> rule = sendAs("admin", "POST", "/api/routing-rules", """
				{"priority": "normal", "origin_module": "%s", "rate_percent": "0.10", "fixed_fee": "0.20"}"""
			.formatted(module), null);
		assertThat(rule.statusCode()).as(rule.body()).isEqualTo(201);
		assertThat(json.readTree(rule.body()).path("fixed_fee_currency").asString()).as("any currency: EUR")
			.isEqualTo("EUR");
		credit(entity, "USD", "1000.00");

		JsonNode priced = json.readTree(create(UUID.randomUUID().toString(),
				payoutIn("USD", "1000.00", "normal").replace("\"connect\"", "\"" + module + "\""))
			.body());

		assertThat(priced.path("bank_fee").asString()).as("EUR 0.20 / 0.9338").isEqualTo("0.21");
		HttpResponse<String> gold = sendAs("admin", "POST", "/api/routing-rules", """
				{"priority": "normal", "rate_percent": "0.10", "fixed_fee": "1", "fixed_fee_currency": "XAU"}""", null);
		api.assertProblem(gold, 400, "invalid-request");
		assertThat(json.readTree(gold.body()).path("errors").get(0).path("field").asString())
			.isEqualTo("fixed_fee_currency");
	}

	private String payout(String amount, String priority) {
		return payoutIn("EUR", amount, priority);
	}

	private String payoutIn(String currency, String amount, String priority) {
		return """
				{"origin_module": "connect", "origin_entity_id": "%s", "currency": "%s", "amount": "%s",
				 "priority": "%s", "beneficiary": {"account_name": "Élodie Martin", "iban": "%s",
				 "bic": "PSSTFRPPXXX", "country": "FR"}, "metadata": {"invoice": "INV-1"}}""".formatted(entity,
				currency, amount, priority, IBAN);
	}

	private String status(HttpResponse<String> created) {
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).path("status").asString();
	}

	private String requestFingerprint(String key) {
		return jdbc.sql("SELECT request_sha256 FROM payouts WHERE external_id = :key")
			.param("key", key)
			.query(String.class)
			.single();
	}

	private HttpResponse<String> create(String key, String body) throws Exception {
		return send("POST", "/api/payouts", body, key);
	}

	private HttpResponse<String> credit(String entity, String currency, String amount) throws Exception {
		return send("POST", "/api/balances/" + entity + "/credits",
				"{\"currency\":\"" + currency + "\",\"amount\":\"" + amount + "\"}", null);
	}

	private String available() throws Exception {
		return json.readTree(get("/api/balances/" + entity + "/EUR")).path("available").asString();
	}

	@Test
	void anImportedPayoutsTraceStartsWithItsImport() throws Exception {
		String event = events.sampleRun("TRACE");
		var payout = jdbc
			.sql("SELECT id, import_job_instance_id FROM payouts WHERE liquidation_event_id = :event "
					+ "AND investor_id = 'INV-0001'")
			.param("event", event)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();

		JsonNode trace = json.readTree(get("/api/payouts/" + payout[0] + "/trace"));

		assertThat(trace).extracting(entry -> entry.path("action").asString())
			.containsExactly("payout_imported", "line_created", "payment_order_created");
		JsonNode imported = trace.get(0);
		assertThat(imported.path("actor").asString()).isEqualTo("import");
		assertThat(imported.path("run_id").asLong()).isEqualTo(payout[1]);
		JsonNode details = json.readTree(imported.path("details").asString());
		assertThat(details.path("liquidation_event_id").asString()).isEqualTo(event);
		assertThat(details.path("source_line").asLong()).isEqualTo(2);
	}

	private String get(String path) throws Exception {
		return send("GET", path, null, null).body();
	}

	/**
	 * Who each call is made as: creating and cancelling as operator, reading as viewer.
	 */
	private HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
		String user = path.startsWith("/api/balances") && method.equals("POST") ? "admin"
				: method.equals("GET") ? "viewer" : "operator";
		return sendAs(user, method, path, body, key);
	}

	private HttpResponse<String> sendAs(String user, String method, String path, String body, String key)
			throws Exception {
		return api.as(user, method, path, body, key);
	}

	interface Call {

		HttpResponse<String> call(int i) throws Exception;

	}

	private static List<HttpResponse<String>> concurrently(int n, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				Callable<HttpResponse<String>> task = () -> call.call(index);
				futures.add(pool.submit(task));
			}
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (var future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

}
