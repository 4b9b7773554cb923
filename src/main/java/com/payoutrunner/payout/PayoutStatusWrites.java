package com.payoutrunner.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The only writer of a payout's status: every transition of {@link PayoutStatus} is made
 * here, set-based where the run moves whole chunks. The allowed transitions live in
 * {@link PayoutStatus} and, identically, in the database's trigger; each method also
 * guards its own expected current status, so a payout that moved meanwhile is left alone.
 * Only {@link PayoutLifecycle} calls it, with the hold and audit consequences of each
 * transition, in the same transaction.
 */
@Repository
class PayoutStatusWrites {

	private static final String MOVE = """
			UPDATE payouts SET status = :to, skip_reason = NULL, updated_at = now()
			WHERE id = ANY(CAST(:ids AS bigint[])) AND status = ANY(CAST(:from AS text[]))""";

	private static final String MARK_SENT = """
			UPDATE payouts p SET status = 'sent', payment_order_id = u.order_id, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:orders AS text[])) AS u(id, order_id)
			WHERE p.id = u.id AND p.status = 'sending'""";

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

	private static final String SETTLE = """
			UPDATE payouts SET status = 'settled', updated_at = now()
			WHERE id = ANY(CAST(:ids AS bigint[])) AND status = 'sent' RETURNING id""";

	/**
	 * Returned, with the status each was returned from (read through a second reference
	 * to the table, which sees the row as it was before this statement).
	 */
	private static final String RETURN = """
			UPDATE payouts p SET status = 'returned', last_error = u.reason, next_attempt_at = NULL, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[])) AS u(id, reason), payouts was
			WHERE p.id = u.id AND was.id = u.id AND p.status IN ('sent', 'settled')
			RETURNING p.id, was.status""";

	/** The bank rejected a filed payout: no money moved, no order. */
	private static final String REJECT_FILED = """
			UPDATE payouts SET status = 'dead_letter', last_error = :reason, next_attempt_at = NULL,
			    payment_order_id = NULL, updated_at = now()
			WHERE id = :id AND status = 'sent'""";

	private static final String EXPIRE_APPROVALS = """
			UPDATE payouts SET status = 'cancelled', last_error = 'approval request expired', updated_at = now()
			WHERE status = 'awaiting_approval' AND created_at < :before RETURNING id""";

	private static final String DECIDE_APPROVAL = """
			UPDATE payouts SET status = :to, updated_at = now() WHERE id = :id AND status = 'awaiting_approval'""";

	private static final String CANCEL = """
			UPDATE payouts SET status = 'cancelled', next_attempt_at = NULL,
			    last_error = coalesce(CAST(:error AS text), last_error), updated_at = now()
			WHERE id = :id""";

	private static final String OUT_OF_DEAD_LETTER = """
			UPDATE payouts SET status = :to, failed_attempts = CASE WHEN :to = 'pending' THEN 0 ELSE failed_attempts END,
			    next_attempt_at = NULL, updated_at = now()
			WHERE id = :id AND status = ANY(CAST(:from AS text[]))
			RETURNING status""";

	private final JdbcClient jdbc;

	PayoutStatusWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Moves the given payouts that are in one of {@code from} to {@code to}; others are
	 * left alone.
	 * @return how many moved
	 */
	int move(List<Long> ids, List<PayoutStatus> from, PayoutStatus to) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql(MOVE)
			.param("to", to.code())
			.param("ids", ids.toArray(Long[]::new))
			.param("from", from.stream().map(PayoutStatus::code).toArray(String[]::new))
			.update();
	}

	/** sending → sent, with the bank's payment order of each. */
	void markSent(List<Long> ids, List<String> paymentOrderIds) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(MARK_SENT)
			.param("ids", ids.toArray(Long[]::new))
			.param("orders", paymentOrderIds.toArray(String[]::new))
			.update();
	}

	/**
	 * sending → failed (due again {@code delays[n-1]} after the n-th failure) or
	 * dead_letter (one failure more than there are delays, or at once when
	 * {@code permanent}).
	 */
	List<PayoutLifecycle.FailureRecorded> recordFailures(List<Long> ids, List<String> reasons, List<Boolean> permanent,
			Instant now, List<Duration> delays) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(RECORD_FAILURES)
			.param("ids", ids.toArray(Long[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.param("permanent", permanent.toArray(Boolean[]::new))
			.param("now", java.sql.Timestamp.from(now))
			.param("delays", delays.stream().map(Duration::toSeconds).toArray(Long[]::new))
			.query((rs, n) -> new PayoutLifecycle.FailureRecorded(rs.getLong("id"), rs.getString("status"),
					rs.getInt("failed_attempts"),
					rs.getTimestamp("next_attempt_at") == null ? null : rs.getTimestamp("next_attempt_at").toInstant()))
			.list();
	}

	/**
	 * sent → settled (a statement booked them).
	 * @return the payouts that moved
	 */
	List<Long> settle(List<Long> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql(SETTLE).param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
	}

	/**
	 * sent or settled → returned, with the bank's reason.
	 * @return the status each payout that moved was returned from
	 */
	Map<Long, PayoutStatus> markReturned(List<Long> ids, List<String> reasons) {
		Map<Long, PayoutStatus> returnedFrom = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(RETURN)
				.param("ids", ids.toArray(Long[]::new))
				.param("reasons", reasons.toArray(String[]::new))
				.query((rs, n) -> Map.entry(rs.getLong(1), PayoutStatus.fromCode(rs.getString(2))))
				.list()
				.forEach(moved -> returnedFrom.put(moved.getKey(), moved.getValue()));
		}
		return returnedFrom;
	}

	/** sent → dead_letter: the bank rejected a filed payout, which keeps no order. */
	int rejectFiled(long id, String reason) {
		return jdbc.sql(REJECT_FILED).param("reason", reason).param("id", id).update();
	}

	/** awaiting_approval → cancelled for requests made before {@code before}. */
	List<Long> expireApprovals(Instant before) {
		return jdbc.sql(EXPIRE_APPROVALS).param("before", java.sql.Timestamp.from(before)).query(Long.class).list();
	}

	/** awaiting_approval → pending (approved) or rejected. */
	int decideApproval(long id, PayoutStatus to) {
		return jdbc.sql(DECIDE_APPROVAL).param("to", to.code()).param("id", id).update();
	}

	/**
	 * → cancelled; the caller has locked the payout and checked that it may be.
	 * @param error kept as the payout's last error; null keeps the one it has
	 */
	void cancel(long id, String error) {
		jdbc.sql(CANCEL).param("id", id).param("error", error).update();
	}

	/**
	 * Out of the dead-letter queue (or a failed state) by an operator: to queued or
	 * pending (attempts reset) or cancelled.
	 * @return the new status, or empty when the payout was not in one of {@code from}
	 */
	Optional<String> leaveDeadLetter(long id, List<PayoutStatus> from, PayoutStatus to) {
		return jdbc.sql(OUT_OF_DEAD_LETTER)
			.param("to", to.code())
			.param("id", id)
			.param("from", from.stream().map(PayoutStatus::code).toArray(String[]::new))
			.query(String.class)
			.optional();
	}

}
