package com.payoutrunner.sandboxbank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox bank's ledger of payment orders, in its own schema. Idempotency is as
 * strict as a real payments API and enforced by a unique key: the same key with the same
 * body returns the existing order; the same key with a different body is refused;
 * concurrent requests with one key create one order.
 */
public class SandboxBankStore {

	private static final String LOG_REQUESTS = """
			INSERT INTO sandbox_bank.received_requests (idempotency_key, body_sha256, outcome)
			SELECT * FROM unnest(CAST(:keys AS text[]), CAST(:hashes AS text[]), CAST(:outcomes AS text[]))""";

	private static final String INSERT_ORDERS = """
			INSERT INTO sandbox_bank.payment_orders (order_id, idempotency_key, body_sha256, amount_minor, currency,
			    rail, reference)
			SELECT * FROM unnest(CAST(:orderIds AS text[]), CAST(:keys AS text[]), CAST(:hashes AS text[]),
			    CAST(:amounts AS bigint[]), CAST(:currencies AS text[]), CAST(:rails AS text[]),
			    CAST(:references AS text[]))
			ON CONFLICT (idempotency_key) DO NOTHING
			RETURNING idempotency_key""";

	private static final String EXISTING = """
			SELECT idempotency_key, order_id, body_sha256 FROM sandbox_bank.payment_orders
			WHERE idempotency_key = ANY(CAST(:keys AS text[]))""";

	/** An order as the bank holds it. */
	public record StoredOrder(String orderId, String idempotencyKey, String bodySha256, long amountMinor,
			String currency, String rail, String reference) {
	}

	/** One order of a bulk request, already validated. */
	public record OrderRequest(String idempotencyKey, String body, long amountMinor, String currency, String rail,
			String reference) {

		String sha256() {
			return com.payoutrunner.core.Sha256.hex(body);
		}

	}

	/** The bank's answer for one order: the order id, or a refusal code. */
	public record OrderResult(String idempotencyKey, String orderId, String rejectionCode, String message) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	public SandboxBankStore(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	/** Stores a bulk of orders in one transaction and answers each one. */
	public List<OrderResult> store(List<OrderRequest> requests) {
		return tx.execute(status -> {
			int n = requests.size();
			String[] keys = new String[n];
			String[] hashes = new String[n];
			String[] orderIds = new String[n];
			Long[] amounts = new Long[n];
			String[] currencies = new String[n];
			String[] rails = new String[n];
			String[] references = new String[n];
			for (int i = 0; i < n; i++) {
				OrderRequest r = requests.get(i);
				keys[i] = r.idempotencyKey();
				hashes[i] = r.sha256();
				orderIds[i] = "po_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
				amounts[i] = r.amountMinor();
				currencies[i] = r.currency();
				rails[i] = r.rail();
				references[i] = r.reference();
			}
			jdbc.sql(INSERT_ORDERS)
				.param("orderIds", orderIds)
				.param("keys", keys)
				.param("hashes", hashes)
				.param("amounts", amounts)
				.param("currencies", currencies)
				.param("rails", rails)
				.param("references", references)
				.query(String.class)
				.list();
			Map<String, String[]> stored = new HashMap<>();
			jdbc.sql(EXISTING).param("keys", keys).query(rs -> {
				stored.put(rs.getString("idempotency_key"),
						new String[] { rs.getString("order_id"), rs.getString("body_sha256") });
			});
			List<OrderResult> results = new ArrayList<>(n);
			String[] outcomes = new String[n];
			for (int i = 0; i < n; i++) {
				String[] existing = stored.get(keys[i]);
				if (existing[1].equals(hashes[i])) {
					results.add(new OrderResult(keys[i], existing[0], null, null));
					outcomes[i] = "accepted";
				}
				else {
					results.add(new OrderResult(keys[i], null, "idempotency_key_reused",
							"idempotency key " + keys[i] + " was used for a different order " + existing[0]));
					outcomes[i] = "rejected_key_reused";
				}
			}
			jdbc.sql(LOG_REQUESTS).param("keys", keys).param("hashes", hashes).param("outcomes", outcomes).update();
			return results;
		});
	}

	/** The order id held for each of these keys that has an order. */
	public Map<String, String> orderIdsByKey(List<String> keys) {
		Map<String, String> found = new HashMap<>();
		jdbc.sql(EXISTING).param("keys", keys.toArray(String[]::new)).query(rs -> {
			found.put(rs.getString("idempotency_key"), rs.getString("order_id"));
		});
		return found;
	}

	/** Orders whose reference starts with the prefix (all when empty), oldest first. */
	public List<StoredOrder> orders(String referencePrefix) {
		return jdbc.sql("""
				SELECT order_id, idempotency_key, body_sha256, amount_minor, currency, rail, reference
				FROM sandbox_bank.payment_orders WHERE reference LIKE :prefix || '%' ORDER BY created_at, order_id""")
			.param("prefix", referencePrefix == null ? "" : referencePrefix)
			.query(StoredOrder.class)
			.list();
	}

	/**
	 * Keys that arrived with more than one body: must always be empty for an honest
	 * client.
	 */
	public List<String> keysReceivedWithDifferentBodies() {
		return jdbc.sql("""
				SELECT idempotency_key FROM sandbox_bank.received_requests
				GROUP BY idempotency_key HAVING count(DISTINCT body_sha256) > 1 ORDER BY idempotency_key""")
			.query(String.class)
			.list();
	}

}
