package com.payoutrunner.support;

import java.util.List;
import java.util.Map;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;

/** Read-only queries the tests use to check what the database holds for an event. */
public record PayoutQueries(JdbcClient jdbc) {

	/**
	 * A payout the bank accepted: its id, its reference (as statements name it) and what
	 * its line sent, in the rail's currency.
	 */
	public record SentPayout(long id, String reference, Money railAmount) {
	}

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

	/** The event's sent payout of the lowest id. */
	public SentPayout firstSent(String event) {
		return jdbc.sql("""
				SELECT p.id, p.created_at, l.rail_amount_minor, l.rail_currency FROM payouts p
				JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
				WHERE p.liquidation_event_id = :event AND p.status = 'sent' ORDER BY p.id LIMIT 1""")
			.param("event", event)
			.query((rs, n) -> new SentPayout(rs.getLong(1),
					PayoutReference.of(rs.getLong(1),
							rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()),
					Money.ofMinor(rs.getLong(3), rs.getString(4).strip())))
			.single();
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
	 * The invariants after any run of an event whose bank is the sandbox bank, with
	 * {@code settled} true when no submission may be left in doubt. Every payout is
	 * exactly one of: paid (one accepted line, and the bank holds that order under the
	 * line's key and no other), skipped (a skip reason, no order), waiting for its next
	 * attempt, dead-lettered (with its last error), or, unless settled (a run was cut
	 * short), queued or in doubt (one line still queued or sending). The bank holds no
	 * order the runner does not know as accepted or in doubt, and no key reached it with
	 * two bodies.
	 * @return the violations, empty when all hold
	 */
	public List<String> invariantViolations(String event, boolean settled) {
		return jdbc
			.sql("""
					SELECT 'payout ' || p.investor_id || ': ' || v.problem FROM payouts p
					CROSS JOIN LATERAL (
					  SELECT CASE
					    WHEN (SELECT count(*) FROM sandbox_bank.payment_orders o
					          JOIN payout_batch_lines l ON o.idempotency_key = l.idempotency_key::text
					          WHERE l.payout_id = p.id) > 1 THEN 'the bank holds more than one order'
					    WHEN (SELECT count(*) FROM payout_batch_lines l
					          WHERE l.payout_id = p.id AND l.status IN ('queued', 'sending', 'accepted')) > 1
					         THEN 'more than one active line'
					    WHEN p.status = 'sent' AND p.payment_order_id IS NULL THEN 'sent without a payment order'
					    WHEN p.status = 'sent' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					         JOIN sandbox_bank.payment_orders o ON o.idempotency_key = l.idempotency_key::text
					         WHERE l.payout_id = p.id AND l.status = 'accepted' AND o.order_id = p.payment_order_id)
					         THEN 'the bank does not hold its payment order under its key'
					    WHEN p.status = 'pending' AND p.skip_reason IS NULL THEN 'pending without a skip reason'
					    WHEN p.status = 'failed' AND (p.next_attempt_at IS NULL OR p.last_error IS NULL)
					         THEN 'failed without a next attempt or an error'
					    WHEN p.status = 'dead_letter' AND p.last_error IS NULL THEN 'dead-lettered without an error'
					    WHEN p.status = 'sending' AND CAST(:settled AS boolean) THEN 'still in doubt'
					    WHEN p.status = 'sending' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					         WHERE l.payout_id = p.id AND l.status = 'sending') THEN 'sending without a line in doubt'
					    WHEN p.status = 'queued' AND CAST(:settled AS boolean) THEN 'left queued'
					    WHEN p.status = 'queued' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					         WHERE l.payout_id = p.id AND l.status = 'queued') THEN 'queued without a queued line'
					    WHEN p.status NOT IN ('sent', 'pending', 'failed', 'dead_letter', 'sending', 'queued')
					         THEN 'left ' || p.status
					    WHEN p.status <> 'sent' AND EXISTS (SELECT 1 FROM payout_batch_lines l
					         JOIN sandbox_bank.payment_orders o ON o.idempotency_key = l.idempotency_key::text
					         WHERE l.payout_id = p.id AND l.status <> 'sending')
					         THEN 'the bank holds an order for a payout the runner does not count as paid'
					  END AS problem) v
					WHERE p.liquidation_event_id = :event AND v.problem IS NOT NULL
					UNION ALL
					SELECT 'bank order ' || o.order_id || ' matches no accepted or in-doubt line'
					FROM sandbox_bank.payment_orders o
					WHERE o.reference LIKE :event || '/%' AND NOT EXISTS (SELECT 1 FROM payout_batch_lines l
					      WHERE l.idempotency_key::text = o.idempotency_key
					        AND ((l.status = 'accepted' AND l.payment_order_id = o.order_id)
					             OR (l.status = 'sending' AND NOT CAST(:settled AS boolean))))
					UNION ALL
					SELECT 'key ' || r.idempotency_key || ' reached the bank with ' || count(DISTINCT r.body_sha256) || ' bodies'
					FROM sandbox_bank.received_requests r
					JOIN payout_batch_lines l ON l.idempotency_key::text = r.idempotency_key
					JOIN payouts p ON p.id = l.payout_id AND p.liquidation_event_id = :event
					GROUP BY r.idempotency_key HAVING count(DISTINCT r.body_sha256) > 1""")
			.param("event", event)
			.param("settled", settled)
			.query(String.class)
			.list();
	}

	/**
	 * {@link #invariantViolations(String, boolean)} once nothing may be left in doubt.
	 */
	public List<String> invariantViolations(String event) {
		return invariantViolations(event, true);
	}

}
