package com.payoutrunner.payout.api;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.ledger.Ledger;

/**
 * Cancels a payout that is not yet with a bank (pending, awaiting approval, or queued in
 * a batch not yet sent) and gives its hold back. The queued line is taken out first, in
 * the order the submit step locks line then payout, so a payout is either cancelled
 * before its line is sent or already sending and no longer cancellable.
 */
@Service
public class PayoutCancellation {

	private static final String WITHDRAW_LINE = """
			UPDATE payout_batch_lines SET status = 'failed', failure_reason = 'cancelled before it was sent',
			    updated_at = now()
			WHERE payout_id = :id AND status = 'queued'""";

	private static final String CANCEL = """
			UPDATE payouts SET status = 'cancelled', next_attempt_at = NULL, updated_at = now()
			WHERE id = :id AND status IN ('pending', 'awaiting_approval', 'queued')
			RETURNING id""";

	/** The payout is past the point where it can be cancelled. */
	public static class NotCancellableException extends RuntimeException {

		NotCancellableException(long id, String status) {
			super("payout " + id + " is " + status + ": only a pending, awaiting_approval or queued payout can be"
					+ " cancelled");
		}

	}

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final AuditTrail audit;

	public PayoutCancellation(JdbcClient jdbc, Ledger ledger, AuditTrail audit) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * @return false when there is no such payout
	 */
	@Transactional
	public boolean cancel(long id, String actor, String comment) {
		Optional<String> status = jdbc.sql("SELECT status FROM payouts WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
		if (status.isEmpty()) {
			return false;
		}
		jdbc.sql(WITHDRAW_LINE).param("id", id).update();
		if (jdbc.sql(CANCEL).param("id", id).query(Long.class).optional().isEmpty()) {
			String now = jdbc.sql("SELECT status FROM payouts WHERE id = :id")
				.param("id", id)
				.query(String.class)
				.single();
			throw new NotCancellableException(id, now);
		}
		boolean released = ledger.cancelHold(id, actor);
		audit.payoutEvents("cancelled", AuditCategory.OPERATIONAL, "info", actor, null, List.of(id),
				List.of("{\"comment\": " + quote(comment) + ", \"hold_cancelled\": " + released + "}"));
		return true;
	}

	private static String quote(String text) {
		return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
