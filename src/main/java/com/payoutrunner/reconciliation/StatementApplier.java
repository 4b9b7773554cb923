package com.payoutrunner.reconciliation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.reconciliation.ReconciliationRepository.LineRow;
import com.payoutrunner.reconciliation.ReconciliationRepository.MatchRow;
import com.payoutrunner.reconciliation.ReconciliationRepository.StatementRow;

/**
 * Applies one statement, in the caller's transaction (the step's): records it by its
 * content hash (the same content again applies nothing), matches its lines to the payouts
 * they name (locked), settles or returns them through {@link PayoutLifecycle} (which
 * moves their holds and audits them), marks their batches settled or partial, and records
 * every line and what became of it for the report. An audit event per payout, hold and
 * batch.
 *
 * <p>
 * Holds: a settled payout debits the balance by what the bank paid (in the payout's
 * currency) and releases the rest; a payout returned before settlement has its hold
 * cancelled; one returned after settlement is credited back what its settlement took.
 *
 * <p>
 * Those three give money back to a balance. They apply at once only for a statement from
 * the inbox (the bank's drop folder); from anyone else (the API, the command line) such a
 * line is recorded as {@code pending_confirmation}, its payouts and holds untouched,
 * until {@link StatementConfirmation} applies it on a second person's word. Plain
 * settlements at the full amount apply at once whoever delivered them: they give nothing
 * back. A line paid less without saying why is {@code needs_review} and changes nothing.
 */
@Component
class StatementApplier {

	private static final Logger log = LoggerFactory.getLogger(StatementApplier.class);

	private final ReconciliationRepository repository;

	private final PayoutLifecycle lifecycle;

	private final AuditTrail audit;

	private final JsonMapper json;

	StatementApplier(ReconciliationRepository repository, PayoutLifecycle lifecycle, AuditTrail audit,
			JsonMapper json) {
		this.repository = repository;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @param delivery who delivered it: unless it is the inbox, lines that give money
	 * back are recorded as pending confirmation and change nothing yet
	 * @return what the statement did; empty when the same content was applied before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<StatementRow> apply(String name, String hash, Statement statement, Long jobInstanceId, Delivery delivery) {
		int lines = statement.lines().size() + statement.rejected().size();
		Optional<Long> recorded = repository.recordStatement(name, hash, statement.format(), lines, jobInstanceId,
				delivery.deliveredBy());
		if (recorded.isEmpty()) {
			log.info("{}: the same statement was reconciled before; nothing to do", name);
			return Optional.empty();
		}
		long statementId = recorded.get();
		List<SentPayout> named = repository.lockNamed(namedIds(statement), namedOrders(statement));
		List<LineMatch> matches = new StatementMatcher(named).match(statement.lines());
		List<LineMatch.Matched> now = new ArrayList<>();
		// By identity: camt.053 entries on one line of XML share their line number.
		Set<LineMatch> pending = Collections.newSetFromMap(new IdentityHashMap<>());
		for (LineMatch match : matches) {
			if (match instanceof LineMatch.Matched matched) {
				if (matched.givesMoneyBack() && !delivery.trusted()) {
					pending.add(matched);
				}
				else {
					now.add(matched);
				}
			}
		}
		Applied applied = applyMatches(statementId, name, now, "statement:" + name);
		repository.recordLines(statementId, lineRows(matches, statement.rejected(), pending));
		StatementRow totals = new StatementRow(statementId, name, statement.format(), lines, now.size(),
				count(matches, LineMatch.Unmatched.class), statement.rejected().size(),
				count(matches, LineMatch.Ignored.class), applied.settled(), applied.settledForLess(),
				applied.returned(), applied.batchesSettled(), applied.batchesPartial(), jobInstanceId,
				count(matches, LineMatch.NeedsReview.class), pending.size(), delivery.deliveredBy(), null);
		repository.countStatement(totals);
		if (!pending.isEmpty()) {
			log.warn(
					"{} (delivered by {}): {} line(s) give money back and wait for a second person's confirmation"
							+ " (POST /api/reconciliations/{}/confirm)",
					name, delivery.deliveredBy(), pending.size(), statementId);
		}
		return Optional.of(totals);
	}

	/** What applying matched lines changed. */
	record Applied(int settled, int settledForLess, int returned, int batchesSettled, int batchesPartial) {
	}

	/**
	 * Settles or returns the payouts of these matched lines (locked by the caller), moves
	 * their holds, records the matches and updates their batches, in the caller's
	 * transaction. Also how a confirmation applies the lines that waited for it.
	 * @param actor who the audit events name
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Applied applyMatches(long statementId, String name, List<LineMatch.Matched> matches, String actor) {
		Changes changes = new Changes();
		matches.forEach(changes::add);
		// Both kinds' balances first, in key order: settling and returning in two calls
		// must not let another statement take them in between.
		List<Long> moved = new ArrayList<>(
				changes.settlements.stream().map(PayoutLifecycle.Settlement::payoutId).toList());
		moved.addAll(changes.returns.stream().map(PayoutLifecycle.Return::payoutId).toList());
		lifecycle.lockBalancesOf(moved);
		int settled = lifecycle.settle(changes.settlements, actor);
		int returned = lifecycle.markReturned(changes.returns, PayoutLifecycle.ReturnNotice.STATEMENT, actor);
		if (settled != changes.settlements.size() || returned != changes.returns.size()) {
			// The rows were locked and checked: anything else is a bug, and the whole
			// statement rolls back.
			throw new IllegalStateException("statement " + name + ": expected to settle " + changes.settlements.size()
					+ " and return " + changes.returns.size() + " payouts, changed " + settled + " and " + returned);
		}
		List<MatchRow> rows = changes.rows;
		repository.recordMatches(statementId, rows);
		List<ReconciliationRepository.BatchSettlement> batches = repository
			.updateBatches(new ArrayList<>(changes.batchIds));
		for (var batch : batches) {
			audit.event("payout_batch", Long.toString(batch.id()), "batch_" + batch.status(), AuditCategory.FINANCIAL,
					"info", actor, null,
					json.writeValueAsString(json.createObjectNode()
						.put("statement", name)
						.put("reference", batch.reference())
						.put("settlement_status", batch.status())));
		}
		return new Applied(settled, (int) rows.stream().filter(MatchRow::paidLess).count(), returned,
				(int) batches.stream().filter(b -> "settled".equals(b.status())).count(),
				(int) batches.stream().filter(b -> "partial".equals(b.status())).count());
	}

	/** The matches as the payouts' settlements and returns, and the rows to record. */
	private final class Changes {

		final List<PayoutLifecycle.Settlement> settlements = new ArrayList<>();

		final List<PayoutLifecycle.Return> returns = new ArrayList<>();

		final List<MatchRow> rows = new ArrayList<>();

		final Set<Long> batchIds = new LinkedHashSet<>();

		void add(LineMatch.Matched matched) {
			StatementLine line = matched.line();
			for (SentPayout payout : matched.payouts()) {
				Money amount = matched.amountFor(payout);
				boolean afterSettlement = payout.status() == PayoutStatus.SETTLED;
				String details = json.writeValueAsString(json.createObjectNode()
					.put("line", line.line())
					.put("booking_date", line.bookingDate().toString())
					.put("bank_reference", line.bankReference())
					.put("statement_amount", line.amount().toString())
					.put("rail_amount", payout.railAmount().toString())
					.put("amount", amount.toString())
					.put("netted_with", matched.payouts().size() - 1)
					.put("charges", line.charges() == null ? null : line.charges().toString())
					.put("reason_code", line.reasonCode())
					.put("after_settlement", afterSettlement)
					.put("return_reason", line.returnReason()));
				if (matched.returned()) {
					returns.add(new PayoutLifecycle.Return(payout.id(), line.returnReason(), details));
				}
				else {
					settlements.add(new PayoutLifecycle.Settlement(payout.id(),
							payout.shortfallInPayoutCurrency(amount).minorUnits(), matched.settledForLess(), details));
				}
				Money asked = matched.returned() ? payout.returnable() : payout.railAmount();
				rows.add(new MatchRow(line.line(), payout.id(), matched.returned() ? "returned" : "settled", asked,
						amount, line.bankReference(), line.returnReason()));
				batchIds.add(payout.batchId());
			}
		}

	}

	private static List<LineRow> lineRows(List<LineMatch> matches, List<RejectedRow> rejected, Set<LineMatch> pending) {
		List<LineRow> rows = new ArrayList<>();
		for (LineMatch match : matches) {
			StatementLine line = match.line();
			String kind;
			String outcome = null;
			String ids = "";
			String reason;
			// Java 17: no pattern matching in switch yet, hence the instanceof chain.
			if (match instanceof LineMatch.Matched matched) {
				kind = pending.contains(matched) ? "pending_confirmation" : "matched";
				outcome = matched.outcome();
				ids = ids(matched.payouts());
				reason = matchedReason(matched);
				if (pending.contains(matched)) {
					reason = "gives money back, so it waits for a second person's confirmation; "
							+ (reason.isEmpty() ? "" : reason);
				}
			}
			else if (match instanceof LineMatch.NeedsReview review) {
				kind = "needs_review";
				ids = ids(review.payouts());
				reason = review.reason();
			}
			else if (match instanceof LineMatch.Unmatched unmatched) {
				kind = "unmatched";
				reason = unmatched.reason();
			}
			else {
				kind = "ignored";
				reason = ((LineMatch.Ignored) match).reason();
			}
			rows.add(new LineRow(line.line(), kind, outcome, ids, line.amount(), line.bookingDate(),
					line.bankReference(), line.references(), reason, line.returnReason(), line.charges(),
					line.reasonCode()));
		}
		for (RejectedRow row : rejected) {
			rows.add(new LineRow(row.line(), "rejected", null, "", null, null, null, "", row.describe(), null, null,
					null));
		}
		return rows;
	}

	/** The report's reason for a matched line: the return code, or what was paid less. */
	static String matchedReason(LineMatch.Matched matched) {
		StatementLine line = matched.line();
		if (matched.returned()) {
			return Objects.toString(line.returnReason(), "");
		}
		if (!matched.settledForLess()) {
			return "";
		}
		Money rail = matched.payouts().get(0).railAmount();
		return "paid " + line.amount() + " of " + rail + ": short by " + rail.minus(line.amount())
				+ (line.charges() != null && line.charges().isPositive() ? ", charges " + line.charges() : "")
				+ (line.reasonCode() != null ? ", reason " + line.reasonCode() : "");
	}

	private static String ids(List<SentPayout> payouts) {
		return payouts.stream().map(payout -> Long.toString(payout.id())).collect(Collectors.joining(" "));
	}

	private static int count(List<LineMatch> matches, Class<? extends LineMatch> kind) {
		return (int) matches.stream().filter(kind::isInstance).count();
	}

	private static List<Long> namedIds(Statement statement) {
		Set<Long> ids = new LinkedHashSet<>();
		for (StatementLine line : statement.lines()) {
			for (String reference : line.endToEndIds()) {
				OptionalLong id = PayoutReference.payoutId(reference);
				id.ifPresent(ids::add);
			}
		}
		return List.copyOf(ids);
	}

	private static List<String> namedOrders(Statement statement) {
		return statement.lines()
			.stream()
			.map(StatementLine::paymentOrderId)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
	}

}
