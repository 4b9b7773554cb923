package com.payoutrunner.payout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payouts whose submission failed for good (a permanent refusal, or one failure more than
 * there are resubmission delays). An API payout's hold is given back as it enters the
 * queue (no payment exists). They stay until an operator acts: retry puts one back for
 * the next run (pending, attempts reset, its hold placed again if the money is still
 * there), cancel gives up on it. Each action is a {@link PayoutLifecycle} transition, its
 * audit event naming the operator.
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

	private final EventLock locks;

	private final PayoutLifecycle lifecycle;

	private final Clock clock;

	private final Duration holdLifetime;

	public DeadLetterQueue(JdbcClient jdbc, PayoutLifecycle lifecycle, EventLock locks, Clock clock,
			@Value("${payout.holds.lifetime:30d}") Duration holdLifetime) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.locks = locks;
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
		act(payoutId, List.of(PayoutStatus.DEAD_LETTER),
				() -> lifecycle.retryFromDeadLetter(payoutId, operator, clock.instant().plus(holdLifetime)));
	}

	/** Gives up on a dead-lettered (or still pending) payout: it will not be paid. */
	@Transactional
	public void cancel(long payoutId, String operator) {
		act(payoutId, List.of(PayoutStatus.DEAD_LETTER, PayoutStatus.PENDING),
				() -> lifecycle.cancelFromDeadLetter(payoutId, operator));
	}

	/**
	 * Holds the event's lock while it acts, so that no run of the event is between
	 * reading the payout and sending it.
	 * @param from the statuses the action accepts, for the message when it does nothing
	 */
	private void act(long payoutId, List<PayoutStatus> from, BooleanSupplier action) {
		String event = jdbc.sql("SELECT coalesce(liquidation_event_id, 'payout:' || id) FROM payouts WHERE id = :id")
			.param("id", payoutId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no payout " + payoutId));
		// An API payout has no event: its own lock keeps two operators from acting at
		// once.
		try (var lock = locks.acquire(event)) {
			if (!action.getAsBoolean()) {
				String current = jdbc.sql("SELECT status FROM payouts WHERE id = :id")
					.param("id", payoutId)
					.query(String.class)
					.optional()
					.orElseThrow(() -> new IllegalArgumentException("no payout " + payoutId));
				throw new IllegalArgumentException("payout " + payoutId + " is " + current + ", not "
						+ String.join(" or ", from.stream().map(PayoutStatus::code).toList()) + ": nothing done");
			}
		}
	}

}
