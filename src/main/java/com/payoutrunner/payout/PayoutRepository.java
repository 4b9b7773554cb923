package com.payoutrunner.payout;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payout rows: the run's status changes, made set-based per chunk, and the operator's
 * export.
 */
@Repository
public class PayoutRepository {

	public static final String CANDIDATE_COLUMNS = """
			id, liquidation_event_id, investor_id, investor_name, country, payment_method, external_account_id,
			amount_minor, currency, has_us_bank_account, priority, iban, bic, account_number, routing_number,
			sort_code, scheduled_date, status, payment_order_id, failed_attempts, next_attempt_at, molam_fee_minor,
			bank_fee_minor, fee_rule""";

	private static final String MOVE_STATUS = """
			UPDATE payouts SET status = :to, skip_reason = NULL, updated_at = now()
			WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""";

	private static final String RECORD_SKIP_REASONS = """
			UPDATE payouts p SET skip_reason = u.reason, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[])) AS u(id, reason)
			WHERE p.id = u.id""";

	private static final String MARK_SENT = """
			UPDATE payouts p SET status = 'sent', payment_order_id = u.order_id, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:orders AS text[])) AS u(id, order_id)
			WHERE p.id = u.id AND p.status = 'sending'""";

	private static final String ENSURE_EVENT = """
			INSERT INTO liquidation_events (id) VALUES (:event) ON CONFLICT (id) DO NOTHING""";

	/**
	 * A failed submission: the payout waits for the delay of its attempt, or, past the
	 * last delay, goes to the dead-letter queue. A permanent refusal goes there at once.
	 */
	private static final String RECORD_FAILURES = """
			UPDATE payouts p SET failed_attempts = p.failed_attempts + 1,
			    status = CASE WHEN u.permanent OR p.failed_attempts >= cardinality(CAST(:delays AS bigint[]))
			                  THEN 'dead_letter' ELSE 'failed' END,
			    next_attempt_at = CASE WHEN u.permanent OR p.failed_attempts >= cardinality(CAST(:delays AS bigint[]))
			                  THEN NULL
			                  ELSE CAST(:now AS timestamptz)
			                       + make_interval(secs => (CAST(:delays AS bigint[]))[p.failed_attempts + 1]) END,
			    last_error = u.reason, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[]), CAST(:permanent AS boolean[]))
			    AS u(id, reason, permanent)
			WHERE p.id = u.id AND p.status = 'sending'
			RETURNING p.id, p.status, p.failed_attempts, p.next_attempt_at""";

	private final JdbcClient jdbc;

	public PayoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the given payouts that are in one of {@code from} to {@code to}; others are
	 * left alone.
	 * @return how many moved
	 */
	public int moveStatus(List<Long> ids, List<PayoutStatus> from, PayoutStatus to) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql(MOVE_STATUS)
			.param("to", to.code())
			.param("ids", ids.toArray(Long[]::new))
			.param("from", from.stream().map(PayoutStatus::code).toArray(String[]::new))
			.update();
	}

	public void markSent(List<Long> ids, List<String> paymentOrderIds) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(MARK_SENT)
			.param("ids", ids.toArray(Long[]::new))
			.param("orders", paymentOrderIds.toArray(String[]::new))
			.update();
	}

	/** Records the latest skip reason of each payout, in one statement. */
	public void recordSkipReasons(List<Long> ids, List<String> reasons) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(RECORD_SKIP_REASONS)
			.param("ids", ids.toArray(Long[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.update();
	}

	/** The state a failed payout was left in. */
	public record FailureRecorded(long id, String status, int failedAttempts, java.time.Instant nextAttemptAt) {
	}

	/**
	 * Records failed submissions: each payout waits {@code delays[n-1]} after its n-th
	 * failure, and goes to the dead-letter queue after one failure more than there are
	 * delays, or at once when {@code permanent}.
	 */
	public List<FailureRecorded> recordFailures(List<Long> ids, List<String> reasons, List<Boolean> permanent,
			java.time.Instant now, List<java.time.Duration> delays) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(RECORD_FAILURES)
			.param("ids", ids.toArray(Long[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.param("permanent", permanent.toArray(Boolean[]::new))
			.param("now", java.sql.Timestamp.from(now))
			.param("delays", delays.stream().map(java.time.Duration::toSeconds).toArray(Long[]::new))
			.query((rs, n) -> new FailureRecorded(rs.getLong("id"), rs.getString("status"),
					rs.getInt("failed_attempts"),
					rs.getTimestamp("next_attempt_at") == null ? null : rs.getTimestamp("next_attempt_at").toInstant()))
			.list();
	}

	public void ensureEvent(String event) {
		jdbc.sql(ENSURE_EVENT).param("event", event).update();
	}

	public boolean eventExists(String event) {
		return jdbc.sql("SELECT count(*) FROM liquidation_events WHERE id = :event")
			.param("event", event)
			.query(Long.class)
			.single() > 0;
	}

}
