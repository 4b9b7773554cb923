package com.payoutrunner.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditDetails;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.ledger.Ledger;

/**
 * The one home of a payout's transitions with their consequences: each method moves the
 * status (through {@link PayoutStatusWrites}, its only writer), moves the hold in the
 * {@link Ledger} as the transition demands, and writes the audit event, all in the
 * caller's transaction. Callers say what happened (approved, cancelled, sent,
 * returned...) and keep what is theirs: locking and checking the payout first, their own
 * tables (batch lines, submissions, statements) and their own events (a batch, a file, a
 * run).
 *
 * <p>
 * An API payout reserves its amount from the moment it is created (the insert of a payout
 * with its first status is not a transition, so {@code requests} places that hold with
 * the insert). The hold is given back when no payment can exist any more (rejected,
 * cancelled, dead-lettered, returned before settlement), reserved again when a
 * dead-lettered payout is retried, settled (the balance debited by what the bank paid,
 * the rest released) and credited back when a settled payment is returned. A liquidation
 * event's payouts have no hold: the ledger's moves change nothing for them.
 *
 * <p>
 * Settling and returning move balances: each takes the balances of its payouts in key
 * order before any hold moves, and a caller that settles and returns in one transaction
 * (a statement) or in several calls (a bank file's verdicts) takes them all first with
 * {@link #lockBalancesOf}, so that two such callers cannot deadlock.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PayoutLifecycle {

	/** The state a failed payout was left in. */
	public record FailureRecorded(long id, String status, int failedAttempts, Instant nextAttemptAt) {

		public boolean deadLettered() {
			return PayoutStatus.DEAD_LETTER.code().equals(status);
		}

	}

	/** A submission the bank did not take; {@code permanent} for a refusal. */
	public record Failure(long payoutId, String reason, boolean permanent) {
	}

	/**
	 * A payout the bank holds an order for; {@code endToEndId} is named in the audit
	 * event when a file carried it, else null.
	 */
	public record Sent(long payoutId, String paymentOrderId, String endToEndId) {
	}

	/**
	 * A payout the bank booked: {@code unpaidMinor} is what it did not pay, in the
	 * payout's currency (0 when paid in full); {@code details} the audit event's JSON.
	 */
	public record Settlement(long payoutId, long unpaidMinor, boolean forLess, String details) {
	}

	/** A payment the bank sent back; {@code details} the audit event's JSON. */
	public record Return(long payoutId, String reason, String details) {
	}

	/** How the bank told of a return, which names the audit event. */
	public enum ReturnNotice {

		/** A bank statement's line (CSV or camt.053). */
		STATEMENT("returned"),
		/** A verdict in a bank answer file (ACH returns). */
		BANK_VERDICT("bank_returned");

		private final String action;

		ReturnNotice(String action) {
			this.action = action;
		}

	}

	private final PayoutStatusWrites statuses;

	private final Ledger ledger;

	private final AuditTrail audit;

	PayoutLifecycle(PayoutStatusWrites statuses, Ledger ledger, AuditTrail audit) {
		this.statuses = statuses;
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * One approver approved the payout (locked and awaiting approval); with the last
	 * approval it needs it moves on to pending.
	 */
	public void approve(long payoutId, String approver, String comment, long approvals, boolean enough) {
		if (enough) {
			statuses.decideApproval(payoutId, PayoutStatus.PENDING);
		}
		audit.payoutEvents("approved", AuditCategory.COMPLIANCE, "info", approver, null, List.of(payoutId),
				List.of(AuditDetails.of("comment", comment, "approvals", approvals)));
	}

	/**
	 * An approver rejected the payout (locked, awaiting approval): its hold is given
	 * back.
	 */
	public void reject(long payoutId, String approver, String comment) {
		statuses.decideApproval(payoutId, PayoutStatus.REJECTED);
		ledger.cancelHold(payoutId, approver);
		audit.payoutEvents("rejected", AuditCategory.COMPLIANCE, "warning", approver, null, List.of(payoutId),
				List.of(AuditDetails.of("comment", comment, "approvals", 0)));
	}

	/**
	 * Cancels the approval requests made before {@code before} and gives their holds
	 * back.
	 * @return the payouts cancelled
	 */
	public List<Long> expireApprovals(Instant before) {
		List<Long> expired = statuses.expireApprovals(before);
		expired.forEach(id -> ledger.cancelHold(id, "system"));
		audit.payoutEvents("approval_expired", AuditCategory.COMPLIANCE, "warning", "system", null, expired,
				expired.stream().map(id -> "{}").toList());
		return expired;
	}

	/**
	 * Someone cancelled a payout not yet with a bank (locked and checked by the caller,
	 * its queued line withdrawn): its hold is given back.
	 */
	public void cancel(long payoutId, String actor, String comment) {
		statuses.cancel(payoutId, null);
		boolean released = ledger.cancelHold(payoutId, actor);
		audit.payoutEvents("cancelled", AuditCategory.OPERATIONAL, "info", actor, null, List.of(payoutId),
				List.of(AuditDetails.of("comment", comment, "hold_cancelled", released)));
	}

	/**
	 * The hold of a payout not yet with a bank (locked, in {@code from}) passed its
	 * expiry time: the hold expires and the payout is cancelled ('hold expired'). The
	 * caller withdraws its queued line.
	 * @return false when the hold had ended meanwhile: nothing done
	 */
	public boolean expireHoldAndCancel(long payoutId, PayoutStatus from, Instant now) {
		if (!ledger.expireHold(payoutId, now, "system")) {
			return false;
		}
		statuses.cancel(payoutId, "hold expired");
		audit.payoutEvents("hold_expired", AuditCategory.FINANCIAL, "warning", "system", null, List.of(payoutId),
				List.of(AuditDetails.of("from", from.code())));
		return true;
	}

	/**
	 * The hold of a payout that will never be paid (already ended) passed its expiry
	 * time: the hold expires, the payout stays as it is.
	 * @return false when the hold had ended meanwhile
	 */
	public boolean expireHoldOfEnded(long payoutId, Instant now) {
		return ledger.expireHold(payoutId, now, "system");
	}

	/**
	 * An operator retries a dead-lettered payout: pending again (attempts reset) for the
	 * next run, its hold, given back when it was dead-lettered, reserved again until
	 * {@code holdExpiresAt}.
	 * @return false when the payout is not dead-lettered: nothing done
	 * @throws com.payoutrunner.ledger.InsufficientFundsException when its entity no
	 * longer has the money (the caller's transaction rolls back)
	 */
	public boolean retryFromDeadLetter(long payoutId, String operator, Instant holdExpiresAt) {
		if (statuses.leaveDeadLetter(payoutId, List.of(PayoutStatus.DEAD_LETTER), PayoutStatus.PENDING).isEmpty()) {
			return false;
		}
		ledger.reinstateHold(payoutId, holdExpiresAt, "operator:" + operator);
		operatorEvent("dlq_retry", payoutId, operator);
		return true;
	}

	/**
	 * An operator gives up on a dead-lettered (or still pending) payout: cancelled, its
	 * hold given back.
	 * @return false when the payout is neither: nothing done
	 */
	public boolean cancelFromDeadLetter(long payoutId, String operator) {
		if (statuses
			.leaveDeadLetter(payoutId, List.of(PayoutStatus.DEAD_LETTER, PayoutStatus.PENDING), PayoutStatus.CANCELLED)
			.isEmpty()) {
			return false;
		}
		ledger.cancelHold(payoutId, "operator:" + operator);
		operatorEvent("cancelled", payoutId, operator);
		return true;
	}

	private void operatorEvent(String action, long payoutId, String operator) {
		audit.payoutEvents(action, AuditCategory.OPERATIONAL, "warning", "operator:" + operator, null,
				List.of(payoutId), List.of("{}"));
	}

	/**
	 * A run wrote batch lines for these payouts (pending, failed or rejected): queued,
	 * one audit event each with its {@code details}. The hold stays as it is.
	 */
	public void queue(List<Long> payoutIds, List<String> details, long runId) {
		statuses.move(payoutIds, List.of(PayoutStatus.PENDING, PayoutStatus.FAILED, PayoutStatus.REJECTED),
				PayoutStatus.QUEUED);
		audit.payoutEvents("line_created", AuditCategory.FINANCIAL, "info", "run:" + runId, runId, payoutIds, details);
	}

	/**
	 * Queued → sending, once their submissions are saved; the submission is the record.
	 */
	public void startSending(List<Long> payoutIds) {
		statuses.move(payoutIds, List.of(PayoutStatus.QUEUED), PayoutStatus.SENDING);
	}

	/** The bank holds an order for each: sent. The hold reserves until settlement. */
	public void markSent(List<Sent> sent, long runId) {
		List<Long> ids = sent.stream().map(Sent::payoutId).toList();
		statuses.markSent(ids, sent.stream().map(Sent::paymentOrderId).toList());
		audit.payoutEvents("payment_order_created", AuditCategory.FINANCIAL, "info", "run:" + runId, runId, ids, sent
			.stream()
			.map(order -> order.endToEndId() == null ? AuditDetails.of("payment_order_id", order.paymentOrderId())
					: AuditDetails.of("payment_order_id", order.paymentOrderId(), "end_to_end_id", order.endToEndId()))
			.toList());
	}

	/**
	 * The bank did not take these submissions: each payout waits for the delay of its
	 * attempt ({@code delays[n-1]} after the n-th failure), or, after one failure more
	 * than there are delays or at once for a permanent refusal, goes to the dead-letter
	 * queue, where no payment exists: its hold is given back (a retry reserves it anew).
	 */
	public List<FailureRecorded> recordFailures(List<Failure> failures, Instant now, List<Duration> delays,
			long runId) {
		Map<Long, String> reasons = new HashMap<>();
		failures.forEach(failure -> reasons.put(failure.payoutId(), failure.reason()));
		List<FailureRecorded> recorded = statuses.recordFailures(failures.stream().map(Failure::payoutId).toList(),
				failures.stream().map(Failure::reason).toList(), failures.stream().map(Failure::permanent).toList(),
				now, delays);
		List<FailureRecorded> waiting = recorded.stream().filter(r -> !r.deadLettered()).toList();
		List<FailureRecorded> deadLettered = recorded.stream().filter(FailureRecorded::deadLettered).toList();
		String actor = "run:" + runId;
		audit.payoutEvents("submission_failed", AuditCategory.TECHNICAL, "warning", actor, runId,
				waiting.stream().map(FailureRecorded::id).toList(),
				waiting.stream()
					.map(r -> AuditDetails.of("reason", reasons.get(r.id()), "attempt", r.failedAttempts(),
							"next_attempt_at", String.valueOf(r.nextAttemptAt())))
					.toList());
		deadLettered.forEach(r -> ledger.cancelHold(r.id(), actor));
		audit.payoutEvents("dead_lettered", AuditCategory.OPERATIONAL, "error", actor, runId,
				deadLettered.stream().map(FailureRecorded::id).toList(),
				deadLettered.stream()
					.map(r -> AuditDetails.of("reason", reasons.get(r.id()), "attempts", r.failedAttempts()))
					.toList());
		return recorded;
	}

	/**
	 * A run over its ceiling was rejected: its queued payouts (their lines withdrawn by
	 * the caller) are pending again, their holds untouched.
	 */
	public void runRejected(List<Long> payoutIds, String approver, long runId, String details) {
		backToPending(payoutIds, "run_rejected", AuditCategory.COMPLIANCE, approver, runId, details);
	}

	/**
	 * A run was abandoned before its approval gate: its queued payouts (their lines
	 * withdrawn by the caller) are pending again, their holds untouched.
	 */
	public void runAbandoned(List<Long> payoutIds, String by, long runId, String details) {
		backToPending(payoutIds, "run_abandoned", AuditCategory.OPERATIONAL, by, runId, details);
	}

	private void backToPending(List<Long> payoutIds, String action, AuditCategory category, String actor, long runId,
			String details) {
		statuses.move(payoutIds, List.of(PayoutStatus.QUEUED), PayoutStatus.PENDING);
		audit.payoutEvents(action, category, "warning", actor, runId, payoutIds,
				payoutIds.stream().map(id -> details).toList());
	}

	/**
	 * The bank confirmed a filed payout: no transition (it stays sent until a statement
	 * books it), one audit event.
	 */
	public void bankAccepted(long payoutId, String actor, String details) {
		audit.payoutEvents("bank_accepted", AuditCategory.FINANCIAL, "info", actor, null, List.of(payoutId),
				List.of(details));
	}

	/**
	 * The bank rejected a filed payout (sent, locked): no money moved, so it goes to the
	 * dead-letter queue without its order, for an operator to fix and retry or cancel,
	 * and its hold is given back.
	 */
	public void bankRejected(long payoutId, String reason, String actor, String details) {
		statuses.rejectFiled(payoutId, reason);
		ledger.cancelHold(payoutId, actor);
		audit.payoutEvents("bank_rejected", AuditCategory.FINANCIAL, "error", actor, null, List.of(payoutId),
				List.of(details));
	}

	/**
	 * The bank booked these payouts (sent, locked): settled; each hold debits the balance
	 * by what the bank paid and releases the rest.
	 * @return how many settled
	 */
	public int settle(List<Settlement> settlements, String actor) {
		Set<Long> settled = new HashSet<>(statuses.settle(settlements.stream().map(Settlement::payoutId).toList()));
		List<Settlement> moved = settlements.stream().filter(s -> settled.contains(s.payoutId())).toList();
		lockBalancesOf(moved.stream().map(Settlement::payoutId).toList());
		moved.forEach(s -> ledger.settleHold(s.payoutId(), s.unpaidMinor(), actor));
		settledEvents(moved.stream().filter(s -> !s.forLess()).toList(), "settled", "info", actor);
		settledEvents(moved.stream().filter(Settlement::forLess).toList(), "settled_for_less", "warning", actor);
		return settled.size();
	}

	private void settledEvents(List<Settlement> settlements, String action, String severity, String actor) {
		audit.payoutEvents(action, AuditCategory.FINANCIAL, severity, actor, null,
				settlements.stream().map(Settlement::payoutId).toList(),
				settlements.stream().map(Settlement::details).toList());
	}

	/**
	 * The bank sent these payments back (sent or settled, locked): returned. Before
	 * settlement the hold is given back; after it, what the settlement debited is
	 * credited back. The one implementation of a return, whatever told of it.
	 * @return how many were returned
	 */
	public int markReturned(List<Return> returns, ReturnNotice notice, String actor) {
		Map<Long, PayoutStatus> returnedFrom = statuses.markReturned(returns.stream().map(Return::payoutId).toList(),
				returns.stream().map(Return::reason).toList());
		List<Return> moved = returns.stream().filter(r -> returnedFrom.containsKey(r.payoutId())).toList();
		lockBalancesOf(List.copyOf(returnedFrom.keySet()));
		for (Return returned : moved) {
			if (returnedFrom.get(returned.payoutId()) == PayoutStatus.SETTLED) {
				ledger.returnSettledHold(returned.payoutId(), actor);
			}
			else {
				ledger.cancelHold(returned.payoutId(), actor);
			}
		}
		audit.payoutEvents(notice.action, AuditCategory.FINANCIAL, "error", actor, null,
				moved.stream().map(Return::payoutId).toList(), moved.stream().map(Return::details).toList());
		return returnedFrom.size();
	}

	/**
	 * Locks, in key order, the balances the holds of these payouts draw on: a caller that
	 * moves many payouts in several calls takes them all first.
	 */
	public void lockBalancesOf(List<Long> payoutIds) {
		ledger.lockBalancesOf(payoutIds);
	}

}
