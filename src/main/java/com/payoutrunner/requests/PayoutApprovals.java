package com.payoutrunner.requests;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.payout.PayoutLifecycle;

/**
 * Multi-signature approval of payouts above their priority's threshold: N distinct
 * approvers (never the creator, never twice the same person) move it on to be paid; one
 * rejection rejects it and gives its hold back. A request left unanswered past its
 * lifetime expires: the payout is cancelled and its hold given back. Decisions are taken
 * with the payout row locked, so concurrent approvals count exactly; the transitions,
 * with their holds and audit events, are {@link PayoutLifecycle}'s.
 */
@Service
public class PayoutApprovals {

	/** Why a decision was refused. */
	public static class ApprovalRefusedException extends RuntimeException {

		ApprovalRefusedException(String message) {
			super(message);
		}

	}

	/** What the payout looks like after a decision. */
	public record Decision(long payoutId, String status, long approvals, int required) {
	}

	private final JdbcClient jdbc;

	private final PayoutLifecycle lifecycle;

	private final Clock clock;

	private final int required;

	private final Duration lifetime;

	public PayoutApprovals(JdbcClient jdbc, PayoutLifecycle lifecycle, Clock clock,
			@Value("${payout.approvals.required:2}") int required,
			@Value("${payout.approvals.lifetime:72h}") Duration lifetime) {
		if (required < 1) {
			throw new IllegalArgumentException("payout.approvals.required must be at least 1, got " + required);
		}
		this.jdbc = jdbc;
		this.lifecycle = lifecycle;
		this.clock = clock;
		this.required = required;
		this.lifetime = lifetime;
	}

	@Transactional
	public Decision approve(long payoutId, String approver, String comment) {
		lockAwaiting(payoutId, approver);
		record(payoutId, approver, "approve", comment);
		long approvals = jdbc
			.sql("SELECT count(*) FROM payout_approvals WHERE payout_id = :id AND decision = 'approve'")
			.param("id", payoutId)
			.query(Long.class)
			.single();
		boolean enough = approvals >= required;
		lifecycle.approve(payoutId, approver, comment, approvals, enough);
		return new Decision(payoutId, enough ? "pending" : "awaiting_approval", approvals, required);
	}

	@Transactional
	public Decision reject(long payoutId, String approver, String comment) {
		lockAwaiting(payoutId, approver);
		record(payoutId, approver, "reject", comment);
		lifecycle.reject(payoutId, approver, comment);
		return new Decision(payoutId, "rejected", 0, required);
	}

	/** Distinct approvals a payout over its threshold needs. */
	public int required() {
		return required;
	}

	/**
	 * Cancels the approval requests older than their lifetime; returns how many. Called
	 * before each decision (in its own transaction) and by the service's sweep.
	 */
	@Transactional
	public int expire() {
		return lifecycle.expireApprovals(clock.instant().minus(lifetime)).size();
	}

	private void lockAwaiting(long payoutId, String approver) {
		var payout = jdbc.sql("SELECT status, created_by FROM payouts WHERE id = :id FOR UPDATE")
			.param("id", payoutId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2) })
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("no payout " + payoutId));
		if (!"awaiting_approval".equals(payout[0])) {
			throw new ApprovalRefusedException("payout " + payoutId + " is " + payout[0] + ", not awaiting approval");
		}
		if (approver.equals(payout[1])) {
			throw new ApprovalRefusedException("the creator of payout " + payoutId + " may not approve or reject it");
		}
	}

	private void record(long payoutId, String approver, String decision, String comment) {
		boolean decided = jdbc
			.sql("SELECT count(*) FROM payout_approvals WHERE payout_id = :id AND approver = :approver")
			.param("id", payoutId)
			.param("approver", approver)
			.query(Long.class)
			.single() > 0;
		if (decided) {
			throw new ApprovalRefusedException(approver + " has already decided on payout " + payoutId);
		}
		try {
			jdbc.sql("INSERT INTO payout_approvals (payout_id, approver, decision, comment)"
					+ " VALUES (:id, :approver, :decision, :comment)")
				.param("id", payoutId)
				.param("approver", approver)
				.param("decision", decision)
				.param("comment", comment)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ApprovalRefusedException(approver + " has already decided on payout " + payoutId);
		}
	}

}
