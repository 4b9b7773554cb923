package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.sandboxbank.SandboxBankServer;
import com.payoutrunner.sandboxbank.SandboxBankStore;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestEvents;

/** The sandbox bank over real HTTP: idempotency as strict as a real payments API. */
class SandboxBankIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	SandboxBankStore store;

	@Autowired
	JsonMapper json;

	SandboxBankServer bank;

	HttpBankConnector connector;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void startBank() throws Exception {
		bank = new SandboxBankServer(store, json, "127.0.0.1", 0).start();
		connector = new HttpBankConnector(() -> bank.url(), java.time.Duration.ofSeconds(2),
				java.time.Duration.ofSeconds(10), json, java.time.Clock.systemUTC());
	}

	@AfterEach
	void stopBank() {
		bank.close();
	}

	@Test
	void theSameKeyAndBodyGiveTheSameOrderAndADifferentBodyIsRefused() {
		UUID key = UUID.randomUUID();
		String reference = TestEvents.unique("BANK") + "/I-1";

		var first = connector.submit(List.of(new PaymentOrderSubmission(key, order(key, reference, 1000))));
		var again = connector.submit(List.of(new PaymentOrderSubmission(key, order(key, reference, 1000))));
		var tampered = connector.submit(List.of(new PaymentOrderSubmission(key, order(key, reference, 9999))));

		assertThat(first.get(0).status()).isEqualTo(SubmissionOutcome.Status.ACCEPTED);
		assertThat(again.get(0)).isEqualTo(first.get(0));
		assertThat(tampered.get(0).status()).as("an order exists under the key: never settled as not paid")
			.isEqualTo(SubmissionOutcome.Status.UNKNOWN);
		assertThat(tampered.get(0).reasonCode()).isEqualTo("idempotency_key_reused");
		assertThat(store.orders(reference)).hasSize(1).first().extracting("amountMinor").isEqualTo(1000L);
	}

	@Test
	void oneOrderAtATimeAnswersWithTheStatusCodesOfARealPaymentsApi() throws Exception {
		UUID key = UUID.randomUUID();
		String reference = TestEvents.unique("BANK") + "/I-1";

		HttpResponse<String> created = postOne(key.toString(), order(key, reference, 1000));
		HttpResponse<String> replayed = postOne(key.toString(), order(key, reference, 1000));
		HttpResponse<String> tampered = postOne(key.toString(), order(key, reference, 9999));
		HttpResponse<String> keyless = postOne(null, order(key, reference, 1000));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(json.readTree(replayed.body()).path("order_id").asString())
			.isEqualTo(json.readTree(created.body()).path("order_id").asString());
		assertThat(tampered.statusCode()).isEqualTo(422);
		assertThat(tampered.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(tampered.body()).path("type").asString())
			.isEqualTo("urn:sandbox-bank:idempotency_key_reused");
		assertThat(keyless.statusCode()).isEqualTo(400);
		assertThat(store.orders(reference)).hasSize(1).first().extracting("amountMinor").isEqualTo(1000L);
	}

	private HttpResponse<String> postOne(String key, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(bank.url().resolve("/v1/payment-orders"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void concurrentRequestsWithOneKeyCreateOneOrder() throws Exception {
		UUID key = UUID.randomUUID();
		String reference = TestEvents.unique("BANK") + "/I-1";
		String body = order(key, reference, 500);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<List<SubmissionOutcome>>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Callable<List<SubmissionOutcome>> call = () -> connector
				.submit(List.of(new PaymentOrderSubmission(key, body)));
			answers.add(pool.submit(call));
		}
		List<String> orderIds = new ArrayList<>();
		for (var answer : answers) {
			orderIds.add(answer.get().get(0).bankOrderId());
		}
		pool.shutdown();

		assertThat(orderIds).doesNotContainNull().containsOnly(orderIds.get(0));
		assertThat(store.orders(reference)).hasSize(1);
	}

	@Test
	void aBulkAnswersEachOrderOnItsOwn() {
		String event = TestEvents.unique("BANK");
		UUID good = UUID.randomUUID();
		UUID bad = UUID.randomUUID();

		var outcomes = connector.submit(List.of(new PaymentOrderSubmission(good, order(good, event + "/I-1", 700)),
				new PaymentOrderSubmission(bad, order(bad, event + "/I-2", -5))));

		assertThat(outcomes).extracting(SubmissionOutcome::status)
			.containsExactly(SubmissionOutcome.Status.ACCEPTED, SubmissionOutcome.Status.REJECTED);
		assertThat(outcomes.get(1).reasonCode()).isEqualTo("invalid_order");
		assertThat(store.orders(event)).hasSize(1);
	}

	@Test
	void aMalformedRequestIsAProblemResponse() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(bank.url().resolve("/v1/payment-orders/bulk"))
			.POST(HttpRequest.BodyPublishers.ofString("{not json"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:sandbox-bank:malformed_json");
		assertThat(problem.path("status").asInt()).isEqualTo(400);
	}

	@Test
	void theBankListsTheOrdersItHolds() throws Exception {
		UUID key = UUID.randomUUID();
		String reference = TestEvents.unique("BANK") + "/I-9";
		connector.submit(List.of(new PaymentOrderSubmission(key, order(key, reference, 4200))));

		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(bank.url() + "/v1/payment-orders?reference_prefix=" + reference))
				.build(), HttpResponse.BodyHandlers.ofString());

		JsonNode orders = json.readTree(response.body());
		assertThat(orders).hasSize(1);
		assertThat(orders.get(0).path("idempotency_key").asString()).isEqualTo(key.toString());
		assertThat(orders.get(0).path("amount_minor").asLong()).isEqualTo(4200L);
	}

	private static String order(UUID key, String reference, long amountMinor) {
		return """
				{"idempotency_key":"%s","reference":"%s","batch":"B1","rail":"SEPA","amount_minor":%d,"currency":"EUR",\
				"beneficiary":{"name":"Test","iban":"DE89370400440532013000"}}""".formatted(key, reference,
				amountMinor);
	}

}
