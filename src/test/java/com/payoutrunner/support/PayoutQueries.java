package com.payoutrunner.support;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Read-only queries the tests use to check what the database holds for an event. */
public record PayoutQueries(JdbcClient jdbc) {

	public long count(String sql, String event) {
		return jdbc.sql(sql).param("event", event).query(Long.class).single();
	}

	public long payouts(String event) {
		return count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event", event);
	}

	public long payoutsWithStatus(String event, String status) {
		return jdbc.sql("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status = :status")
			.param("event", event)
			.param("status", status)
			.query(Long.class)
			.single();
	}

	public long bankOrders(String event) {
		return count("SELECT count(*) FROM sandbox_bank.payment_orders WHERE reference LIKE :event || '/%'", event);
	}

	/** investor id → payout id for the event. */
	public Map<String, Long> payoutIds(String event) {
		return jdbc.sql("SELECT investor_id, id FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * The invariants of a finished run of an event whose bank is the sandbox bank: every
	 * payout has exactly one payment order (sent, one accepted line, the bank holds that
	 * order under the line's key) or is unpaid with a skip reason; the bank holds exactly
	 * the runner's accepted orders; no key reached the bank with two bodies.
	 * @return the violations, empty when all hold
	 */
	public List<String> invariantViolations(String event) {
		return jdbc
			.sql("""
					SELECT 'payout ' || p.investor_id || ': ' || v.problem FROM payouts p
					CROSS JOIN LATERAL (
					  SELECT CASE
					    WHEN p.status = 'sent' AND p.payment_order_id IS NULL THEN 'sent without a payment order'
					    WHEN p.status = 'sent' AND (SELECT count(*) FROM payout_batch_lines l
					         WHERE l.payout_id = p.id AND l.status = 'accepted') <> 1 THEN 'sent without exactly one accepted line'
					    WHEN p.status = 'sent' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					         JOIN sandbox_bank.payment_orders o ON o.idempotency_key = l.idempotency_key::text
					         WHERE l.payout_id = p.id AND l.status = 'accepted' AND o.order_id = p.payment_order_id)
					         THEN 'the bank does not hold its payment order under its key'
					    WHEN p.status <> 'sent' AND p.skip_reason IS NULL THEN 'neither paid nor skipped (status ' || p.status || ')'
					    WHEN (SELECT count(*) FROM sandbox_bank.payment_orders o
					          JOIN payout_batch_lines l ON o.idempotency_key = l.idempotency_key::text
					          WHERE l.payout_id = p.id) > 1 THEN 'the bank holds more than one order'
					  END AS problem) v
					WHERE p.liquidation_event_id = :event AND v.problem IS NOT NULL
					UNION ALL
					SELECT 'bank order ' || o.order_id || ' has no accepted line in the runner'
					FROM sandbox_bank.payment_orders o
					WHERE o.reference LIKE :event || '/%' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					      WHERE l.idempotency_key::text = o.idempotency_key AND l.status = 'accepted'
					        AND l.payment_order_id = o.order_id)
					UNION ALL
					SELECT 'key ' || r.idempotency_key || ' reached the bank with ' || count(DISTINCT r.body_sha256) || ' bodies'
					FROM sandbox_bank.received_requests r
					JOIN payout_batch_lines l ON l.idempotency_key::text = r.idempotency_key
					JOIN payouts p ON p.id = l.payout_id AND p.liquidation_event_id = :event
					GROUP BY r.idempotency_key HAVING count(DISTINCT r.body_sha256) > 1""")
			.param("event", event)
			.query(String.class)
			.list();
	}
}
