package com.payoutrunner.reconciliation;

import java.util.List;

/** What the matcher made of one statement line. */
sealed interface LineMatch {

	StatementLine line();

	/** The line settles (booked) or returns (returned) these sent payouts. */
	record Matched(StatementLine line, List<SentPayout> payouts) implements LineMatch {

		public Matched {
			payouts = List.copyOf(payouts);
		}

		boolean returned() {
			return line.status() == StatementLine.EntryStatus.RETURNED;
		}

	}

	/** The line names no sent payout it can settle, and why. */
	record Unmatched(StatementLine line, String reason) implements LineMatch {
	}

	/** A pending entry: nothing moved yet, a later statement books it. */
	record Ignored(StatementLine line, String reason) implements LineMatch {
	}

}
