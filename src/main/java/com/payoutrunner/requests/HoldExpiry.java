package com.payoutrunner.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.payout.PayoutStatus;

/**
 * Ends the holds that are past their expiry time ({@code payout.holds.lifetime} after the
 * payout was created), each in its own short transaction with its queued line (if any)
 * and its payout locked, in the submit step's order. What happens depends on the payout,
 * see {@link #fateOf}: one not with a bank is cancelled ('hold expired') and its hold
 * expires; one whose money is committed keeps its hold, which reserves until settlement
 * or return; one that will never be paid only has its hold expired.
 */
@Service
public class HoldExpiry {

	private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

	/** Oldest first; a payout that keeps its hold is not looked at again every sweep. */
	private static final String DUE = """
			SELECT h.payout_id FROM holds h JOIN payouts p ON p.id = h.payout_id
			WHERE h.status = 'active' AND h.expires_at <= :now AND p.status <> ALL(CAST(:kept AS text[]))
			ORDER BY h.expires_at, h.id
			LIMIT :limit""";

	/** Holds looked at per sweep; the next sweep takes the rest. */
	private static final int LIMIT = 1000;

	/** What a hold past its expiry time means for its payout, by the payout's status. */
	enum Fate {

		/** Not with a bank: the payout is cancelled, the hold expires. */
		CANCEL_PAYOUT,
		/** Sent or being sent: the money is committed, the hold stays. */
		KEEP,
		/** Never to be paid (already ended): the hold expires alone. */
		EXPIRE_HOLD

	}

	/** What one sweep did, by payout id. */
	public record Swept(List<Long> cancelled, List<Long> holdOnly, List<Long> kept) {

		List<Long> of(Fate fate) {
			return switch (fate) {
				case CANCEL_PAYOUT -> cancelled;
				case EXPIRE_HOLD -> holdOnly;
				case KEEP -> kept;
			};
		}

	}

	private final JdbcClient jdbc;

	private final PayoutCancellation cancellation;

	private final PayoutLifecycle lifecycle;

	private final TransactionTemplate transaction;

	private final Clock clock;

	public HoldExpiry(JdbcClient jdbc, PayoutCancellation cancellation, PayoutLifecycle lifecycle,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.cancellation = cancellation;
		this.lifecycle = lifecycle;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	static Fate fateOf(PayoutStatus status) {
		return switch (status) {
			// No payment order exists (a failed or dead-lettered payout's retry would
			// build a new line): cancelling cannot lose a payment.
			case PENDING, AWAITING_APPROVAL, QUEUED, FAILED, DEAD_LETTER -> Fate.CANCEL_PAYOUT;
			// Sending may already be at the bank; sent is paid until settled or returned.
			case SENDING, SENT, SETTLED -> Fate.KEEP;
			case CANCELLED, REJECTED, RETURNED -> Fate.EXPIRE_HOLD;
		};
	}

	/** Ends the holds due now; a failure on one payout is logged and the rest go on. */
	public Swept sweep() {
		Instant now = clock.instant();
		String[] kept = Arrays.stream(PayoutStatus.values())
			.filter(status -> fateOf(status) == Fate.KEEP)
			.map(PayoutStatus::code)
			.toArray(String[]::new);
		List<Long> due = jdbc.sql(DUE)
			.param("now", java.sql.Timestamp.from(now))
			.param("kept", kept)
			.param("limit", LIMIT)
			.query(Long.class)
			.list();
		Swept swept = new Swept(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (long payoutId : due) {
			try {
				Optional<Fate> fate = transaction.execute(tx -> expire(payoutId, now));
				fate.ifPresent(done -> swept.of(done).add(payoutId));
			}
			catch (RuntimeException ex) {
				log.warn("hold expiry of payout {} failed, left for the next sweep: {}", payoutId, ex.getMessage());
			}
		}
		if (!due.isEmpty()) {
			log.info("hold expiry: {} payouts cancelled {}, {} holds of ended payouts expired {}, {} kept (sent) {}",
					swept.cancelled().size(), swept.cancelled(), swept.holdOnly().size(), swept.holdOnly(),
					swept.kept().size(), swept.kept());
		}
		return swept;
	}

	/**
	 * In the caller's transaction, with line and payout locked; empty when nothing was
	 * done (the hold ended since the sweep found it, or its payout was just queued).
	 */
	private Optional<Fate> expire(long payoutId, Instant now) {
		var locked = cancellation.lock(payoutId).orElseThrow();
		PayoutStatus status = locked.status();
		if (status == PayoutStatus.QUEUED && !locked.lineLocked()) {
			// A run queued it while we waited for the payout: taking its line now would
			// lock payout before line, against the submit step. The next sweep goes in
			// order.
			log.warn("payout {} was queued during hold expiry; left for the next sweep", payoutId);
			return Optional.empty();
		}
		Fate fate = fateOf(status);
		if (fate == Fate.KEEP) {
			return Optional.of(fate);
		}
		if (fate == Fate.EXPIRE_HOLD) {
			return lifecycle.expireHoldOfEnded(payoutId, now) ? Optional.of(fate) : Optional.empty();
		}
		if (!lifecycle.expireHoldAndCancel(payoutId, status, now)) {
			return Optional.empty();
		}
		cancellation.withdrawQueuedLine(payoutId, "hold expired before it was sent");
		return Optional.of(fate);
	}

}
