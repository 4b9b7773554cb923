package com.payoutrunner.payout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;

/**
 * Payouts whose submission failed for good (a permanent refusal, or one failure more than
 * there are resubmission delays). An API payout's hold is given back as it enters the
 * queue (no payment exists). They stay until an operator acts: retry puts one back for
 * the next run (pending, attempts reset, its hold placed again if the money is still
 * there), cancel gives up on it. Each action is an audit event naming the operator.
 */
@Service
public class DeadLetterQueue {

	private static final String LIST = """
			SELECT id, liquidation_event_id, investor_id, amount_minor, currency, failed_attempts, last_error,
			       updated_at
			FROM payouts WHERE status = 'dead_letter' AND (CAST(:event AS text) IS NULL OR liquidation_event_id = :event)
			ORDER BY updated_at, id""";

	/** A dead-lettered payout as operators see it. */
	public record Entry(long id, String liquidationEventId, String investorId, Long amountMinor, String currency,
			int failedAttempts, String lastError, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final EventLock locks;

	private final com.payoutrunner.ledger.Ledger ledger;

	private final Clock clock;

	private final Duration holdLifetime;

	private final PayoutStatusWrites statuses;

	public DeadLetterQueue(JdbcClient jdbc, PayoutStatusWrites statuses, AuditTrail audit, EventLock locks,
			com.payoutrunner.ledger.Ledger ledger, Clock clock,
			@Value("${payout.holds.lifetime:30d}") Duration holdLifetime) {
		this.jdbc = jdbc;
		this.statuses = statuses;
		this.audit = audit;
		this.locks = locks;
		this.ledger = ledger;
		this.clock = clock;
		this.holdLifetime = holdLifetime;
	}

	/**
	 * @param event only this event's, or all when null
	 */
	public List<Entry> list(String event) {
		return jdbc.sql(LIST).param("event", event).query(Entry.class).list();
	}

	/**
	 * Puts a dead-lettered payout back: the next run of its event builds a new line for
	 * it. An API payout's hold, given back when it was dead-lettered, is placed again for
	 * a new lifetime.
	 * @throws com.payoutrunner.ledger.InsufficientFundsException when its entity no
	 * longer has the money; the payout stays in the queue
	 */
	@Transactional
	public void retry(long payoutId, String operator) {
		move(payoutId, List.of(PayoutStatus.DEAD_LETTER), PayoutStatus.PENDING, "dlq_retry", operator);
	}

	/** Gives up on a dead-lettered (or still pending) payout: it will not be paid. */
	@Transactional
	public void cancel(long payoutId, String operator) {
		move(payoutId, List.of(PayoutStatus.DEAD_LETTER, PayoutStatus.PENDING), PayoutStatus.CANCELLED, "cancelled",
				operator);
	}

	/**
	 * Holds the event's lock while it acts, so that no run of the event is between
	 * reading the payout and sending it.
	 */
	private void move(long payoutId, List<PayoutStatus> from, PayoutStatus to, String action, String operator) {
		String event = jdbc.sql("SELECT coalesce(liquidation_event_id, 'payout:' || id) FROM payouts WHERE id = :id")
			.param("id", payoutId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no payout " + payoutId));
		// An API payout has no event: its own lock keeps two operators from acting at
		// once.
		try (var lock = locks.acquire(event)) {
			moveLocked(payoutId, from, to, action, operator);
		}
	}

	private void moveLocked(long payoutId, List<PayoutStatus> from, PayoutStatus to, String action, String operator) {
		var moved = statuses.leaveDeadLetter(payoutId, from, to);
		if (moved.isEmpty()) {
			String current = jdbc.sql("SELECT status FROM payouts WHERE id = :id")
				.param("id", payoutId)
				.query(String.class)
				.optional()
				.orElseThrow(() -> new IllegalArgumentException("no payout " + payoutId));
			throw new IllegalArgumentException("payout " + payoutId + " is " + current + ", not "
					+ String.join(" or ", from.stream().map(PayoutStatus::code).toList()) + ": nothing done");
		}
		if (to == PayoutStatus.PENDING) {
			ledger.reinstateHold(payoutId, clock.instant().plus(holdLifetime), "operator:" + operator);
		}
		if (to == PayoutStatus.CANCELLED) {
			// Given up: the reserved money goes back to the entity (API payouts have a
			// hold).
			ledger.cancelHold(payoutId, "operator:" + operator);
		}
		audit.payoutEvents(action, AuditCategory.OPERATIONAL, "warning", "operator:" + operator, null,
				List.of(payoutId), List.of("{}"));
	}

}
