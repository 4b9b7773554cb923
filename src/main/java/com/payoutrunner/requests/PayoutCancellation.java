package com.payoutrunner.requests;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.payout.PayoutStatus;

/**
 * Cancels a payout that is not yet with a bank (pending, awaiting approval, or queued in
 * a batch not yet sent) and gives its hold back. The queued line is locked and taken out
 * first, in the order the submit step locks line then payout, so a payout is either
 * cancelled before its line is sent or already sending and no longer cancellable. The
 * transition, with its hold and audit event, is {@link PayoutLifecycle}'s.
 */
@Service
public class PayoutCancellation {

	private static final String LOCK_QUEUED_LINE = """
			SELECT id FROM payout_batch_lines WHERE payout_id = :id AND status = 'queued' FOR UPDATE""";

	private static final String LOCK_PAYOUT = """
			SELECT status FROM payouts WHERE id = :id FOR UPDATE""";

	private static final String WITHDRAW_LINE = """
			UPDATE payout_batch_lines SET status = 'failed', failure_reason = :reason, updated_at = now()
			WHERE payout_id = :id AND status = 'queued'""";

	/** What an operator may cancel. */
	private static final List<PayoutStatus> CANCELLABLE = List.of(PayoutStatus.PENDING, PayoutStatus.AWAITING_APPROVAL,
			PayoutStatus.QUEUED);

	/**
	 * A payout locked with its queued line; {@code lineLocked} false for a queued payout
	 * means its line was written while the payout's lock was awaited.
	 */
	record Locked(PayoutStatus status, boolean lineLocked) {
	}

	/** The payout is past the point where it can be cancelled. */
	public static class NotCancellableException extends RuntimeException {

		NotCancellableException(long id, String status) {
			super("payout " + id + " is " + status + ": only a pending, awaiting_approval or queued payout can be"
					+ " cancelled");
		}

	}

	private final JdbcClient jdbc;

	private final PayoutLifecycle lifecycle;

	public PayoutCancellation(JdbcClient jdbc, PayoutLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
	}

	/**
	 * @return false when there is no such payout
	 */
	@Transactional
	public boolean cancel(long id, String actor, String comment) {
		Optional<PayoutStatus> status = lock(id).map(Locked::status);
		if (status.isEmpty()) {
			return false;
		}
		if (!CANCELLABLE.contains(status.get())) {
			throw new NotCancellableException(id, status.get().code());
		}
		withdrawQueuedLine(id, "cancelled before it was sent");
		lifecycle.cancel(id, actor, comment);
		return true;
	}

	/**
	 * Locks the payout's queued line (if any), then the payout, in the caller's
	 * transaction: the submit step's order, so neither waits for the other in a cycle.
	 * @return empty when there is no such payout
	 */
	Optional<Locked> lock(long id) {
		boolean lineLocked = !jdbc.sql(LOCK_QUEUED_LINE).param("id", id).query(Long.class).list().isEmpty();
		return jdbc.sql(LOCK_PAYOUT)
			.param("id", id)
			.query(String.class)
			.optional()
			.map(status -> new Locked(PayoutStatus.fromCode(status), lineLocked));
	}

	/**
	 * Withdraws the queued line (if any) of a payout {@link #lock locked} by the caller,
	 * who cancels it.
	 */
	void withdrawQueuedLine(long id, String reason) {
		jdbc.sql(WITHDRAW_LINE).param("id", id).param("reason", reason).update();
	}

}
