package com.payoutrunner.sandboxbank;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sandbox bank with a bulk payment-order API over real HTTP (the JDK's server: no web
 * stack needed).
 * <ul>
 * <li>{@code POST /v1/payment-orders/bulk} {"orders":[...]} → 200 {"results":[...]}, one
 * result per order;</li>
 * <li>{@code POST /v1/payment-orders} with an {@code Idempotency-Key} header, one order →
 * 201 created, 200 the same order again for the same key and body, 422 for the same key
 * with a different body, 400 invalid, 404 unknown account (no injected faults here); the
 * beneficiary is addressed by {@code external_account_id} or by coordinates (see
 * {@link SandboxAccountRegistry});</li>
 * <li>{@code POST /v1/payment-orders/lookup} {"idempotency_keys":[...]} → which keys it
 * holds an order for (found, with the order id, or not_found);</li>
 * <li>{@code GET /v1/payment-orders?reference_prefix=P} → the orders it holds, to compare
 * both sides.</li>
 * </ul>
 * A malformed envelope is a 400 problem; a malformed order is rejected on its own, the
 * others go through.
 */
public class SandboxBankServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SandboxBankServer.class);

	private final SandboxBankStore store;

	private final JsonMapper json;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private volatile IntConsumer beforeBulkStored = count -> {
	};

	private volatile IntConsumer afterBulkStored = count -> {
	};

	private final SandboxBankFaults faults;

	private final SandboxBankFaults.Injector injector;

	private final SandboxAccountRegistry accounts;

	public SandboxBankServer(SandboxBankStore store, JsonMapper json, String host, int port) throws IOException {
		this(store, json, host, port, SandboxBankFaults.none());
	}

	public SandboxBankServer(SandboxBankStore store, JsonMapper json, String host, int port, SandboxBankFaults faults)
			throws IOException {
		this.faults = faults;
		this.injector = faults.injector();
		this.accounts = new SandboxAccountRegistry(faults.unknownAccounts(), faults.rejectedAccounts());
		this.store = store;
		this.json = json;
		this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
		server.createContext("/v1/payment-orders/bulk", this::bulk);
		server.createContext("/v1/payment-orders/lookup", this::lookup);
		server.createContext("/v1/payment-orders", this::ordersResource);
		server.setExecutor(executor);
	}

	public SandboxBankServer start() {
		server.start();
		log.info("sandbox bank listening on {}", url());
		return this;
	}

	public URI url() {
		return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
	}

	/**
	 * Called with the bulk's size when a valid bulk arrived, before anything is stored.
	 */
	public void beforeBulkStored(IntConsumer hook) {
		this.beforeBulkStored = hook;
	}

	/**
	 * Called with the bulk's size after its orders are committed and before the answer is
	 * sent; tests use it to kill the runner at that moment (orders stored, answer lost).
	 */
	public void afterBulkStored(IntConsumer hook) {
		this.afterBulkStored = hook;
	}

	private void bulk(HttpExchange exchange) throws IOException {
		try (exchange) {
			try {
				handleBulk(exchange);
			}
			catch (RuntimeException ex) {
				// Inside the exchange, so that the client gets the 500 (nothing was
				// stored).
				log.error("sandbox bank failed to handle a bulk request", ex);
				problem(exchange, 500, "internal_error", ex.getMessage());
			}
		}
	}

	private void handleBulk(HttpExchange exchange) throws IOException {
		{
			if (!"POST".equals(exchange.getRequestMethod())) {
				problem(exchange, 405, "method_not_allowed", "use POST");
				return;
			}
			JsonNode envelope;
			try {
				envelope = json.readTree(exchange.getRequestBody());
			}
			catch (JacksonException ex) {
				problem(exchange, 400, "malformed_json", ex.getOriginalMessage());
				return;
			}
			if (!envelope.path("orders").isArray()) {
				problem(exchange, 400, "missing_orders", "the body must be {\"orders\":[...]}");
				return;
			}
			SandboxBankFaults.Fault fault = injector.next();
			if (fault == SandboxBankFaults.Fault.RATE_LIMITED) {
				exchange.getResponseHeaders().set("Retry-After", Long.toString(faults.retryAfter().toSeconds()));
				problem(exchange, 429, "rate_limited", "too many requests (injected fault)");
				return;
			}
			if (fault == SandboxBankFaults.Fault.BAD_GATEWAY || fault == SandboxBankFaults.Fault.UNAVAILABLE) {
				int status = fault == SandboxBankFaults.Fault.BAD_GATEWAY ? 502 : 503;
				problem(exchange, status, fault.name().toLowerCase(java.util.Locale.ROOT), "injected fault");
				return;
			}
			List<SandboxBankStore.OrderRequest> valid = new ArrayList<>();
			ArrayNode results = json.createArrayNode();
			List<ObjectNode> slots = new ArrayList<>();
			for (JsonNode order : envelope.path("orders")) {
				ObjectNode result = results.addObject();
				String problem = validate(order);
				var refusal = problem == null ? accounts.check(order.path("beneficiary"))
						: java.util.Optional.<SandboxAccountRegistry.Refusal>empty();
				result.put("idempotency_key", order.path("idempotency_key").asString(""));
				if (problem != null) {
					result.put("status", "rejected")
						.put("code", "invalid_order")
						.put("http_status", 400)
						.put("message", problem);
				}
				else if (refusal.isPresent()) {
					result.put("status", "rejected")
						.put("code", refusal.get().code())
						.put("http_status", refusal.get().httpStatus())
						.put("message", refusal.get().message());
				}
				else {
					valid.add(new SandboxBankStore.OrderRequest(order.path("idempotency_key").asString(),
							order.toString(), order.path("amount_minor").asLong(), order.path("currency").asString(),
							order.path("rail").asString(), order.path("reference").asString()));
					slots.add(result);
				}
			}
			beforeBulkStored.accept(valid.size());
			List<SandboxBankStore.OrderResult> stored = valid.isEmpty() ? List.of() : store.store(valid);
			for (int i = 0; i < stored.size(); i++) {
				var outcome = stored.get(i);
				if (outcome.orderId() != null) {
					slots.get(i).put("status", "accepted").put("order_id", outcome.orderId());
				}
				else {
					slots.get(i)
						.put("status", "rejected")
						.put("code", outcome.rejectionCode())
						.put("http_status", 422)
						.put("message", outcome.message());
				}
			}
			afterBulkStored.accept(valid.size());
			if (fault == SandboxBankFaults.Fault.GATEWAY_TIMEOUT) {
				problem(exchange, 504, "gateway_timeout", "injected fault, after the orders were stored");
				return;
			}
			if (fault == SandboxBankFaults.Fault.RESPONSE_LOST) {
				// Stored, and the connection drops before any answer.
				return;
			}
			if (fault == SandboxBankFaults.Fault.SLOW) {
				sleep(faults.slowResponse());
			}
			ObjectNode answer = json.createObjectNode();
			answer.set("results", results);
			send(exchange, 200, "application/json", json.writeValueAsString(answer));
		}
	}

	private void ordersResource(HttpExchange exchange) throws IOException {
		if ("POST".equals(exchange.getRequestMethod())) {
			single(exchange);
		}
		else {
			list(exchange);
		}
	}

	/**
	 * One order, keyed by its Idempotency-Key header, with the status codes of a real
	 * API.
	 */
	private void single(HttpExchange exchange) throws IOException {
		try (exchange) {
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			if (key == null || key.isBlank()) {
				problem(exchange, 400, "missing_idempotency_key", "the Idempotency-Key header is required");
				return;
			}
			JsonNode body;
			try {
				body = json.readTree(exchange.getRequestBody());
			}
			catch (JacksonException ex) {
				problem(exchange, 400, "malformed_json", ex.getOriginalMessage());
				return;
			}
			if (!(body instanceof ObjectNode order)) {
				problem(exchange, 400, "invalid_order", "the body must be one payment order object");
				return;
			}
			if (order.has("idempotency_key") && !key.equals(order.path("idempotency_key").asString())) {
				problem(exchange, 400, "invalid_order", "idempotency_key in the body differs from the header");
				return;
			}
			order.put("idempotency_key", key);
			String invalid = validate(order);
			if (invalid != null) {
				problem(exchange, 400, "invalid_order", invalid);
				return;
			}
			var refusal = accounts.check(order.path("beneficiary"));
			if (refusal.isPresent()) {
				problem(exchange, refusal.get().httpStatus(), refusal.get().code(), refusal.get().message());
				return;
			}
			boolean seenBefore = store.orderIdsByKey(List.of(key)).containsKey(key);
			var stored = store.store(List.of(new SandboxBankStore.OrderRequest(key, order.toString(),
					order.path("amount_minor").asLong(), order.path("currency").asString(),
					order.path("rail").asString(), order.path("reference").asString())))
				.get(0);
			if (stored.orderId() == null) {
				problem(exchange, 422, stored.rejectionCode(), stored.message());
				return;
			}
			send(exchange, seenBefore ? 200 : 201, "application/json",
					json.writeValueAsString(json.createObjectNode()
						.put("idempotency_key", key)
						.put("status", "accepted")
						.put("order_id", stored.orderId())));
		}
	}

	private void lookup(HttpExchange exchange) throws IOException {
		try (exchange) {
			JsonNode request;
			try {
				request = json.readTree(exchange.getRequestBody());
			}
			catch (JacksonException ex) {
				problem(exchange, 400, "malformed_json", ex.getOriginalMessage());
				return;
			}
			List<String> keys = new ArrayList<>();
			request.path("idempotency_keys").forEach(key -> keys.add(key.asString()));
			var found = store.orderIdsByKey(keys);
			ArrayNode results = json.createArrayNode();
			for (String key : keys) {
				ObjectNode result = results.addObject().put("idempotency_key", key);
				if (found.containsKey(key)) {
					result.put("status", "found").put("order_id", found.get(key));
				}
				else {
					result.put("status", "not_found");
				}
			}
			ObjectNode answer = json.createObjectNode();
			answer.set("results", results);
			send(exchange, 200, "application/json", json.writeValueAsString(answer));
		}
	}

	private static void sleep(java.time.Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String validate(JsonNode order) {
		String key = order.path("idempotency_key").asString("");
		if (!key.matches("[0-9a-fA-F-]{36}")) {
			return "idempotency_key must be a UUID";
		}
		if (!order.path("amount_minor").canConvertToLong() || order.path("amount_minor").asLong() <= 0) {
			return "amount_minor must be a positive integer";
		}
		if (!order.path("currency").asString("").matches("[A-Z]{3}")) {
			return "currency must be an ISO 4217 code";
		}
		if (order.path("reference").asString("").isBlank() || order.path("rail").asString("").isBlank()) {
			return "reference and rail are required";
		}
		return null;
	}

	private void list(HttpExchange exchange) throws IOException {
		try (exchange) {
			String query = exchange.getRequestURI().getQuery();
			String prefix = query != null && query.startsWith("reference_prefix=")
					? java.net.URLDecoder.decode(query.substring("reference_prefix=".length()), StandardCharsets.UTF_8)
					: "";
			ArrayNode orders = json.createArrayNode();
			for (var order : store.orders(prefix)) {
				orders.addObject()
					.put("order_id", order.orderId())
					.put("idempotency_key", order.idempotencyKey())
					.put("reference", order.reference())
					.put("rail", order.rail())
					.put("amount_minor", order.amountMinor())
					.put("currency", order.currency())
					.put("body_sha256", order.bodySha256());
			}
			send(exchange, 200, "application/json", json.writeValueAsString(orders));
		}
	}

	private void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
		ObjectNode body = json.createObjectNode()
			.put("type", "urn:sandbox-bank:" + type)
			.put("title", type.replace('_', ' '))
			.put("status", status)
			.put("detail", detail);
		send(exchange, status, "application/problem+json", json.writeValueAsString(body));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
