package com.payoutrunner.connector;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.connector.SubmissionOutcome.Status;

/**
 * The client of a bank's bulk payment-order API over HTTP (the sandbox bank's, or a real
 * bank's of the same shape, connector name {@code sandbox-bank}): one POST per chunk
 * carries every order of the chunk. Transport trouble is mapped to outcomes: no
 * connection → FAILED (nothing reached the bank); a timeout or a 502/504 after the
 * request left → UNKNOWN (it may have been processed).
 */
class HttpBankConnector implements PaymentConnector {

	private static final Logger log = LoggerFactory.getLogger(HttpBankConnector.class);

	public static final String NAME = "sandbox-bank";

	private final HttpClient http;

	private final Supplier<URI> baseUrl;

	private final Duration requestTimeout;

	private final JsonMapper json;

	private final Clock clock;

	public HttpBankConnector(Supplier<URI> baseUrl, Duration connectTimeout, Duration requestTimeout, JsonMapper json,
			Clock clock) {
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
		this.baseUrl = baseUrl;
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<SubmissionOutcome> submit(List<PaymentOrderSubmission> orders) {
		if (orders.isEmpty()) {
			return List.of();
		}
		String body = "{\"orders\":[" + String.join(",", orders.stream().map(PaymentOrderSubmission::body).toList())
				+ "]}";
		HttpRequest request = HttpRequest.newBuilder(baseUrl.get().resolve("/v1/payment-orders/bulk"))
			.timeout(requestTimeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException ex) {
			return all(orders, Status.FAILED, "bank_unavailable", "cannot connect to the bank at " + baseUrl.get()
					+ ": " + (ex.getMessage() == null ? "connection refused" : ex.getMessage()));
		}
		catch (HttpConnectTimeoutException ex) {
			return all(orders, Status.FAILED, "bank_unavailable",
					"no connection to the bank within the connect timeout");
		}
		catch (HttpTimeoutException ex) {
			return all(orders, Status.UNKNOWN, "timeout", "no answer within " + requestTimeout);
		}
		catch (IOException ex) {
			return all(orders, Status.UNKNOWN, "connection_lost", "connection lost: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return all(orders, Status.UNKNOWN, "interrupted", "interrupted while waiting for the bank");
		}
		return outcomes(orders, response);
	}

	@Override
	public List<SubmissionOutcome> lookup(List<UUID> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		ObjectNode body = json.createObjectNode();
		ArrayNode wanted = body.putArray("idempotency_keys");
		keys.forEach(key -> wanted.add(key.toString()));
		HttpRequest request = HttpRequest.newBuilder(baseUrl.get().resolve("/v1/payment-orders/lookup"))
			.timeout(requestTimeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return unresolved(keys, "cannot ask the bank: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unresolved(keys, "interrupted while asking the bank");
		}
		if (response.statusCode() != 200) {
			return unresolved(keys, "the bank answered the lookup with HTTP " + response.statusCode());
		}
		JsonNode answer;
		try {
			answer = json.readTree(response.body());
		}
		catch (JacksonException ex) {
			return unresolved(keys, "the bank's lookup answer is not JSON");
		}
		Map<UUID, SubmissionOutcome> byKey = new HashMap<>();
		for (JsonNode result : answer.path("results")) {
			UUID key = uuid(result);
			if (key == null) {
				continue;
			}
			byKey.put(key,
					"found".equals(result.path("status").asString())
							? SubmissionOutcome.accepted(key, result.path("order_id").asString()) : SubmissionOutcome
								.fromBank(key, Status.FAILED, "not_found", "the bank holds no order for this key"));
		}
		return keys.stream()
			.map(key -> byKey.getOrDefault(key,
					SubmissionOutcome.fromTransport(key, Status.UNKNOWN, "lookup_failed", "not in the lookup answer")))
			.toList();
	}

	/**
	 * The key an answer is about, or null when unreadable (its order then stays in
	 * doubt).
	 */
	private static UUID uuid(JsonNode result) {
		try {
			return UUID.fromString(result.path("idempotency_key").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<SubmissionOutcome> unresolved(List<UUID> keys, String reason) {
		log.warn("lookup of {} orders failed: {}", keys.size(), reason);
		return keys.stream()
			.map(key -> SubmissionOutcome.fromTransport(key, Status.UNKNOWN, "lookup_failed", reason))
			.toList();
	}

	private List<SubmissionOutcome> outcomes(List<PaymentOrderSubmission> orders, HttpResponse<String> response) {
		int code = response.statusCode();
		var refusal = HttpStatusOutcomes.forStatus(code);
		if (refusal.isPresent()) {
			Duration wait = HttpStatusOutcomes.retryAfter(response.headers().firstValue("Retry-After").orElse(null),
					clock);
			return all(orders, refusal.get().status(), refusal.get().reasonCode(), "HTTP " + code).stream()
				.map(outcome -> outcome.withRetryAfter(wait))
				.toList();
		}
		JsonNode answer;
		try {
			answer = json.readTree(response.body());
		}
		catch (JacksonException ex) {
			return all(orders, Status.UNKNOWN, "unreadable_answer", "HTTP " + code + " with a body that is not JSON");
		}
		Map<UUID, SubmissionOutcome> byKey = new HashMap<>();
		for (JsonNode result : answer.path("results")) {
			UUID key = uuid(result);
			if (key == null) {
				continue;
			}
			byKey.put(key, switch (result.path("status").asString()) {
				case "accepted" -> SubmissionOutcome.accepted(key, result.path("order_id").asString());
				// The bank holds an order under this key with other content: never "no
				// order".
				// Kept in doubt, so that the next run looks the key up instead of paying
				// anew.
				case "rejected" -> "idempotency_key_reused".equals(result.path("code").asString())
						? SubmissionOutcome.fromBank(key, Status.UNKNOWN, "idempotency_key_reused",
								result.path("message").asString())
						: SubmissionOutcome.fromBank(key, Status.REJECTED, result.path("code").asString(),
								result.path("message").asString());
				default -> SubmissionOutcome.fromTransport(key, Status.UNKNOWN, "unreadable_answer", result.toString());
			});
		}
		List<SubmissionOutcome> outcomes = new ArrayList<>(orders.size());
		for (PaymentOrderSubmission order : orders) {
			SubmissionOutcome outcome = byKey.get(order.idempotencyKey());
			outcomes.add(outcome != null ? outcome : SubmissionOutcome.fromTransport(order.idempotencyKey(),
					Status.UNKNOWN, "missing_in_answer", "the bank's answer did not mention this order"));
		}
		return outcomes;
	}

	private static List<SubmissionOutcome> all(List<PaymentOrderSubmission> orders, Status status, String code,
			String reason) {
		log.warn("bulk of {} orders: {} ({})", orders.size(), status, reason);
		return orders.stream()
			.map(o -> SubmissionOutcome.fromTransport(o.idempotencyKey(), status, code, reason))
			.toList();
	}

}
