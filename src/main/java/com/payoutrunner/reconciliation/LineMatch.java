package com.payoutrunner.reconciliation;

import java.util.List;

import com.payoutrunner.core.Money;

/** What the matcher made of one statement line. */
sealed interface LineMatch {

	StatementLine line();

	/**
	 * The line settles (booked) or returns (returned) these payouts: sent ones, or for a
	 * return also settled ones (a bank may return a payment after booking it).
	 */
	record Matched(StatementLine line, List<SentPayout> payouts) implements LineMatch {

		public Matched {
			payouts = List.copyOf(payouts);
		}

		boolean returned() {
			return line.status() == StatementLine.EntryStatus.RETURNED;
		}

		/**
		 * A booked line for one payout with less than its rail amount: the bank paid part
		 * of it (the matcher never accepts more, nor less for netted payouts).
		 */
		boolean settledForLess() {
			return !returned() && payouts.size() == 1 && !line.amount().equals(payouts.get(0).railAmount());
		}

		/** What the bank paid (booked) or gave back (returned) for one of the payouts. */
		Money amountFor(SentPayout payout) {
			if (settledForLess()) {
				return line.amount();
			}
			return returned() ? payout.returnable() : payout.railAmount();
		}

		String outcome() {
			return returned() ? "returned" : settledForLess() ? "settled_for_less" : "settled";
		}

		/**
		 * Whether applying it gives money back to a balance: the rest of a hold released
		 * (settled for less), a hold cancelled or a settlement credited back (returned).
		 */
		boolean givesMoneyBack() {
			return returned() || settledForLess();
		}

	}

	/**
	 * A booked line for one sent payout, below its rail amount, that does not say why (no
	 * charges, no reason code), or whose charges do not make up the difference: nothing
	 * changes until an operator has looked at it.
	 */
	record NeedsReview(StatementLine line, List<SentPayout> payouts, String reason) implements LineMatch {

		public NeedsReview {
			payouts = List.copyOf(payouts);
		}

	}

	/** The line names no payout it can settle or return, and why. */
	record Unmatched(StatementLine line, String reason) implements LineMatch {
	}

	/** A pending entry: nothing moved yet, a later statement books it. */
	record Ignored(StatementLine line, String reason) implements LineMatch {
	}

}
