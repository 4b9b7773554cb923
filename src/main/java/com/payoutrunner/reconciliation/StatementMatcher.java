package com.payoutrunner.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.PayoutStatus;

/**
 * Matches statement lines to sent payouts; pure, no database. A line names its payouts by
 * their references ({@code PO-YYYYMMDD-XXXXXXXX}, or the short {@code PO-XXXXXXXX}), else
 * by a payment order id (the bank's order id, a bank file's name, or a batch reference),
 * which several netted payouts may share. Either way the line's amount must equal, to the
 * minor unit and in the same currency, the sum of the rail amounts of the payouts it
 * settles, with one exception: a booked line naming a single payout may be below its rail
 * amount when it says why: charges that make up the difference exactly, or a reason code
 * (the bank paid less, the payout settles for less and the report says by how much).
 * Without either, the line needs review: nothing changes. A bank that books more, or less
 * for netted payouts, has done something an operator must look at. A returned line gives
 * back what the payouts were sent for, or for a payout an earlier statement settled, what
 * it was settled for. A payout is settled or returned by at most one line of a statement;
 * the lines are taken in file order.
 */
final class StatementMatcher {

	private final Map<Long, SentPayout> byId = new HashMap<>();

	private final Map<String, List<SentPayout>> byOrder = new HashMap<>();

	/**
	 * @param known the payouts the statement's references and orders name, any status
	 */
	StatementMatcher(Collection<SentPayout> known) {
		for (SentPayout payout : known) {
			byId.put(payout.id(), payout);
			if (payout.paymentOrderId() != null) {
				byOrder.computeIfAbsent(payout.paymentOrderId(), key -> new ArrayList<>()).add(payout);
			}
			if (payout.batchReference() != null && !payout.batchReference().equals(payout.paymentOrderId())) {
				byOrder.computeIfAbsent(payout.batchReference(), key -> new ArrayList<>()).add(payout);
			}
		}
	}

	List<LineMatch> match(List<StatementLine> lines) {
		Map<Long, Integer> claimedBy = new HashMap<>();
		List<LineMatch> matches = new ArrayList<>();
		for (StatementLine line : lines) {
			LineMatch match = matchOne(line, claimedBy);
			if (match instanceof LineMatch.Matched matched) {
				matched.payouts().forEach(payout -> claimedBy.put(payout.id(), line.line()));
			}
			else if (match instanceof LineMatch.NeedsReview review) {
				review.payouts().forEach(payout -> claimedBy.put(payout.id(), line.line()));
			}
			matches.add(match);
		}
		return matches;
	}

	private LineMatch matchOne(StatementLine line, Map<Long, Integer> claimedBy) {
		if (line.status() == StatementLine.EntryStatus.PENDING) {
			return new LineMatch.Ignored(line, "pending: nothing is settled until the bank books it");
		}
		if (line.status() == StatementLine.EntryStatus.BOOKED && line.direction() == StatementLine.Direction.CREDIT) {
			return new LineMatch.Unmatched(line, "a booked credit is money received, not a payout");
		}
		boolean isReturn = line.status() == StatementLine.EntryStatus.RETURNED;
		List<String> problems = new ArrayList<>();
		if (!line.endToEndIds().isEmpty()) {
			Attempt byReference = byReferences(line, claimedBy, isReturn);
			if (byReference.payouts != null) {
				return checkAmount(line, byReference.payouts, byReference.onlyOne);
			}
			problems.add(byReference.problem);
		}
		if (line.paymentOrderId() != null) {
			Attempt byOrderId = byPaymentOrder(line, claimedBy, isReturn);
			if (byOrderId.payouts != null) {
				return checkAmount(line, byOrderId.payouts, byOrderId.onlyOne);
			}
			problems.add(byOrderId.problem);
		}
		return new LineMatch.Unmatched(line, String.join("; ", problems));
	}

	private Attempt byReferences(StatementLine line, Map<Long, Integer> claimedBy, boolean isReturn) {
		List<SentPayout> payouts = new ArrayList<>();
		for (String reference : line.endToEndIds()) {
			OptionalLong id = PayoutReference.payoutId(reference);
			if (id.isEmpty()) {
				return Attempt.failed("'" + reference + "' is not a payout reference (PO-YYYYMMDD-XXXXXXXX)");
			}
			SentPayout payout = byId.get(id.getAsLong());
			if (payout == null) {
				return Attempt.failed("no payout " + id.getAsLong() + " (" + reference + ")");
			}
			if (reference.strip().length() > PayoutReference.shortForm(0).length()
					&& !reference.strip().equals(payout.reference())) {
				return Attempt.failed(
						"'" + reference + "' does not match payout " + payout.id() + " (" + payout.reference() + ")");
			}
			String unavailable = unavailable(payout, claimedBy, isReturn);
			if (unavailable != null) {
				return Attempt.failed(unavailable);
			}
			if (!payouts.contains(payout)) {
				payouts.add(payout);
			}
		}
		return Attempt.found(payouts, line.endToEndIds().size() == 1);
	}

	private Attempt byPaymentOrder(StatementLine line, Map<Long, Integer> claimedBy, boolean isReturn) {
		List<SentPayout> named = byOrder.getOrDefault(line.paymentOrderId(), List.of());
		if (named.isEmpty()) {
			return Attempt.failed("no payout was sent under payment order '" + line.paymentOrderId() + "'");
		}
		List<SentPayout> open = named.stream()
			.filter(payout -> unavailable(payout, claimedBy, isReturn) == null)
			.toList();
		if (open.isEmpty()) {
			return Attempt.failed("payment order '" + line.paymentOrderId() + "' has no payout left to "
					+ (isReturn ? "return" : "settle") + ": " + unavailable(named.get(0), claimedBy, isReturn));
		}
		if (isReturn) {
			// A return names the order its payouts went under: those still sent, or those
			// already settled, whichever the amount fits (a batch can hold both).
			for (PayoutStatus status : List.of(PayoutStatus.SENT, PayoutStatus.SETTLED)) {
				List<SentPayout> some = open.stream().filter(payout -> payout.status() == status).toList();
				if (!some.isEmpty() && some.size() < open.size() && sumsTo(some, line.amount())) {
					return Attempt.found(some, false);
				}
			}
		}
		// Settling for less needs the order to name one payout, not one left of several.
		return Attempt.found(open, named.size() == 1);
	}

	private static boolean sumsTo(List<SentPayout> payouts, Money amount) {
		return payouts.stream().map(SentPayout::returnable).allMatch(money -> money.code().equals(amount.code()))
				&& payouts.stream().mapToLong(payout -> payout.returnable().minorUnits()).sum() == amount.minorUnits();
	}

	/** Why a payout cannot be settled (or returned) by this line; null when it can. */
	private static String unavailable(SentPayout payout, Map<Long, Integer> claimedBy, boolean isReturn) {
		Integer line = claimedBy.get(payout.id());
		if (line != null) {
			return "payout " + payout.id() + " is already matched by line " + line;
		}
		boolean returnable = isReturn && payout.status() == PayoutStatus.SETTLED;
		if (payout.status() != PayoutStatus.SENT && !returnable) {
			return "payout " + payout.id() + " is " + payout.status().code() + ", not sent"
					+ (isReturn ? " or settled" : "");
		}
		if (payout.railAmount() == null) {
			return "payout " + payout.id() + " has no accepted batch line";
		}
		return null;
	}

	/**
	 * @param onlyOne the line names exactly one payout, which may then have been paid
	 * less
	 */
	private static LineMatch checkAmount(StatementLine line, List<SentPayout> payouts, boolean onlyOne) {
		Map<String, List<SentPayout>> byCurrency = payouts.stream()
			.collect(Collectors.groupingBy(payout -> payout.railAmount().code(), LinkedHashMap::new,
					Collectors.toList()));
		if (byCurrency.size() > 1 || !byCurrency.containsKey(line.amount().code())) {
			return new LineMatch.Unmatched(line, "currency " + line.amount().code() + " differs from the payouts' "
					+ String.join(", ", byCurrency.keySet()) + " (" + ids(payouts) + ")");
		}
		boolean isReturn = line.status() == StatementLine.EntryStatus.RETURNED;
		Money expected = payouts.stream()
			.map(isReturn ? SentPayout::returnable : SentPayout::railAmount)
			.reduce(Money::plus)
			.orElseThrow(() -> new IllegalStateException("a match without payouts"));
		if (Objects.equals(expected, line.amount())) {
			return new LineMatch.Matched(line, payouts);
		}
		if (onlyOne && paidLess(line, payouts, expected, isReturn)) {
			String unexplained = unexplainedShortfall(line, expected);
			return unexplained == null ? new LineMatch.Matched(line, payouts)
					: new LineMatch.NeedsReview(line, payouts, unexplained);
		}
		return new LineMatch.Unmatched(line,
				"amount " + line.amount() + " does not equal " + expected + ", "
						+ (isReturn ? "what was paid for" : "the rail amount of") + " payout(s) " + ids(payouts)
						+ (!onlyOne && !isReturn && line.amount().minorUnits() < expected.minorUnits()
								? " (only a line naming a single payout can settle for less)" : ""));
	}

	/** A booked line for one payout, above zero and below what it was sent for. */
	private static boolean paidLess(StatementLine line, List<SentPayout> payouts, Money expected, boolean isReturn) {
		return !isReturn && payouts.size() == 1 && line.amount().isPositive()
				&& line.amount().minorUnits() < expected.minorUnits();
	}

	/**
	 * Why paying less than expected is not explained; null when it is: charges that make
	 * up the difference exactly, else a reason code.
	 */
	private static String unexplainedShortfall(StatementLine line, Money expected) {
		Money shortBy = expected.minus(line.amount());
		String paid = "paid " + line.amount() + " of " + expected + ", short by " + shortBy;
		if (line.charges() != null && line.charges().isPositive()) {
			return line.charges().equals(shortBy) ? null
					: paid + ", which the charges of " + line.charges() + " do not make up: needs review";
		}
		if (line.reasonCode() != null) {
			return null;
		}
		return paid + " without charges or a reason code saying why: needs review, nothing changed";
	}

	private static String ids(List<SentPayout> payouts) {
		return payouts.stream().map(payout -> Long.toString(payout.id())).collect(Collectors.joining(" "));
	}

	/** Payouts found (and whether the line names only one), or why not. */
	private record Attempt(List<SentPayout> payouts, boolean onlyOne, String problem) {

		static Attempt found(List<SentPayout> payouts, boolean onlyOne) {
			return new Attempt(payouts, onlyOne && payouts.size() == 1, null);
		}

		static Attempt failed(String problem) {
			return new Attempt(null, false, problem);
		}

	}

}
