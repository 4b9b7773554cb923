package com.payoutrunner.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.reconciliation.ReconciliationRepository.LineRow;
import com.payoutrunner.reconciliation.ReconciliationRepository.MatchRow;
import com.payoutrunner.reconciliation.ReconciliationRepository.StatementRow;

/**
 * Applies one statement, in the caller's transaction (the step's): records it by its
 * content hash (the same content again applies nothing), matches its lines to the payouts
 * they name (locked), settles or returns them, moves their holds, marks their batches
 * settled or partial, and records every line and what became of it for the report. An
 * audit event per payout, hold and batch.
 *
 * <p>
 * Holds: a settled payout debits the balance by what the bank paid (in the payout's
 * currency) and releases the rest; a payout returned before settlement has its hold
 * cancelled; one returned after settlement is credited back what its settlement took.
 */
@Component
class StatementApplier {

	private static final Logger log = LoggerFactory.getLogger(StatementApplier.class);

	private final ReconciliationRepository repository;

	private final AuditTrail audit;

	private final Ledger ledger;

	private final JsonMapper json;

	StatementApplier(ReconciliationRepository repository, AuditTrail audit, Ledger ledger, JsonMapper json) {
		this.repository = repository;
		this.audit = audit;
		this.ledger = ledger;
		this.json = json;
	}

	/**
	 * @return what the statement did; empty when the same content was applied before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<StatementRow> apply(String name, String hash, Statement statement, Long jobInstanceId) {
		int lines = statement.lines().size() + statement.rejected().size();
		Optional<Long> recorded = repository.recordStatement(name, hash, statement.format(), lines, jobInstanceId);
		if (recorded.isEmpty()) {
			log.info("{}: the same statement was reconciled before; nothing to do", name);
			return Optional.empty();
		}
		long statementId = recorded.get();
		List<SentPayout> named = repository.lockNamed(namedIds(statement), namedOrders(statement));
		List<LineMatch> matches = new StatementMatcher(named).match(statement.lines());
		String actor = "statement:" + name;
		Changes changes = new Changes(actor);
		matches.stream()
			.filter(LineMatch.Matched.class::isInstance)
			.forEach(match -> changes.add((LineMatch.Matched) match));
		int settled = repository.settle(changes.settledIds);
		int returned = repository.markReturned(changes.returnedIds, changes.returnReasons);
		if (settled != changes.settledIds.size() || returned != changes.returnedIds.size()) {
			// The rows were locked and checked: anything else is a bug, and the whole
			// statement rolls back.
			throw new IllegalStateException(
					"statement " + name + ": expected to settle " + changes.settledIds.size() + " and return "
							+ changes.returnedIds.size() + " payouts, changed " + settled + " and " + returned);
		}
		List<Long> moved = new ArrayList<>(changes.settledIds);
		moved.addAll(changes.returnedIds);
		ledger.lockBalancesOf(moved);
		changes.holdMoves.forEach(Runnable::run);
		changes.audit.forEach((event, ids) -> audit.payoutEvents(event.name(), AuditCategory.FINANCIAL,
				event.severity(), actor, null, ids, changes.details.get(event)));
		List<MatchRow> rows = changes.rows;
		Set<Long> batchIds = changes.batchIds;
		repository.recordMatches(statementId, rows);
		List<ReconciliationRepository.BatchSettlement> batches = repository.updateBatches(new ArrayList<>(batchIds));
		for (var batch : batches) {
			audit.event("payout_batch", Long.toString(batch.id()), "batch_" + batch.status(), AuditCategory.FINANCIAL,
					"info", actor, null,
					json.writeValueAsString(json.createObjectNode()
						.put("statement", name)
						.put("reference", batch.reference())
						.put("settlement_status", batch.status())));
		}
		repository.recordLines(statementId, lineRows(matches, statement.rejected()));
		StatementRow totals = new StatementRow(statementId, name, statement.format(), lines,
				count(matches, LineMatch.Matched.class), count(matches, LineMatch.Unmatched.class),
				statement.rejected().size(), count(matches, LineMatch.Ignored.class), settled,
				(int) rows.stream().filter(MatchRow::paidLess).count(), returned,
				(int) batches.stream().filter(b -> "settled".equals(b.status())).count(),
				(int) batches.stream().filter(b -> "partial".equals(b.status())).count(), jobInstanceId);
		repository.countStatement(totals);
		return Optional.of(totals);
	}

	/** An audit event name and its severity. */
	private record Event(String name, String severity) {
	}

	/** The matches as set-based changes, hold moves and audit events. */
	private final class Changes {

		final List<Long> settledIds = new ArrayList<>();

		final List<Long> returnedIds = new ArrayList<>();

		final List<String> returnReasons = new ArrayList<>();

		final List<Runnable> holdMoves = new ArrayList<>();

		final Map<Event, List<Long>> audit = new LinkedHashMap<>();

		final Map<Event, List<String>> details = new LinkedHashMap<>();

		final List<MatchRow> rows = new ArrayList<>();

		final Set<Long> batchIds = new LinkedHashSet<>();

		private final String actor;

		Changes(String actor) {
			this.actor = actor;
		}

		void add(LineMatch.Matched matched) {
			StatementLine line = matched.line();
			for (SentPayout payout : matched.payouts()) {
				Money amount = matched.amountFor(payout);
				boolean afterSettlement = payout.status() == PayoutStatus.SETTLED;
				Event event;
				if (matched.returned()) {
					returnedIds.add(payout.id());
					returnReasons.add(line.returnReason());
					holdMoves.add(() -> {
						if (afterSettlement) {
							ledger.returnSettledHold(payout.id(), actor);
						}
						else {
							ledger.cancelHold(payout.id(), actor);
						}
					});
					event = new Event("returned", "error");
				}
				else {
					settledIds.add(payout.id());
					long unpaid = payout.shortfallInPayoutCurrency(amount).minorUnits();
					holdMoves.add(() -> ledger.settleHold(payout.id(), unpaid, actor));
					event = matched.settledForLess() ? new Event("settled_for_less", "warning")
							: new Event("settled", "info");
				}
				audit.computeIfAbsent(event, key -> new ArrayList<>()).add(payout.id());
				details.computeIfAbsent(event, key -> new ArrayList<>())
					.add(json.writeValueAsString(json.createObjectNode()
						.put("line", line.line())
						.put("booking_date", line.bookingDate().toString())
						.put("bank_reference", line.bankReference())
						.put("statement_amount", line.amount().toString())
						.put("rail_amount", payout.railAmount().toString())
						.put("amount", amount.toString())
						.put("netted_with", matched.payouts().size() - 1)
						.put("after_settlement", afterSettlement)
						.put("return_reason", line.returnReason())));
				Money asked = matched.returned() ? payout.returnable() : payout.railAmount();
				rows.add(new MatchRow(line.line(), payout.id(), matched.returned() ? "returned" : "settled", asked,
						amount, line.bankReference(), line.returnReason()));
				batchIds.add(payout.batchId());
			}
		}

	}

	private static List<LineRow> lineRows(List<LineMatch> matches, List<RejectedRow> rejected) {
		List<LineRow> rows = new ArrayList<>();
		for (LineMatch match : matches) {
			StatementLine line = match.line();
			String kind;
			String outcome = null;
			String ids = "";
			String reason;
			// Java 17: no pattern matching in switch yet, hence the instanceof chain.
			if (match instanceof LineMatch.Matched matched) {
				kind = "matched";
				outcome = matched.outcome();
				ids = matched.payouts()
					.stream()
					.map(payout -> Long.toString(payout.id()))
					.collect(Collectors.joining(" "));
				reason = matched.returned() ? Objects.toString(line.returnReason(), "")
						: matched.settledForLess()
								? "paid " + line.amount() + " of " + matched.payouts().get(0).railAmount()
										+ ": short by " + matched.payouts().get(0).railAmount().minus(line.amount())
								: "";
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
					line.bankReference(), line.references(), reason));
		}
		for (RejectedRow row : rejected) {
			rows.add(new LineRow(row.line(), "rejected", null, "", null, null, null, "", row.describe()));
		}
		return rows;
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
