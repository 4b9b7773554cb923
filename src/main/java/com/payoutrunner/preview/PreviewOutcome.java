package com.payoutrunner.preview;

import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.RoutedPayout;

/**
 * What a run would do with one payout, as {@link RunRules} judges it: pay it on a new
 * batch line, skip it, or leave it to the line an earlier run already queued for it.
 */
sealed interface PreviewOutcome {

	PayoutCandidate payout();

	/**
	 * The run would build a batch line: priced, routed and converted, for this connector.
	 */
	record WouldPay(RoutedPayout routed, String connector, java.time.LocalDate valueDate) implements PreviewOutcome {

		@Override
		public PayoutCandidate payout() {
			return routed.priced().payout();
		}

	}

	/** The run would skip it: the category and reason its skip report would show. */
	record WouldSkip(PayoutCandidate payout, SkipCategory category, String reason) implements PreviewOutcome {
	}

	/**
	 * The payout is already on a queued or sending line of an earlier run: the run
	 * filters it out of line building (no skip, no new line), and its submit step sends
	 * that existing line.
	 */
	record AlreadyQueued(PayoutCandidate payout) implements PreviewOutcome {

		/** The category shown in the preview; not a {@link SkipCategory}. */
		public static final String CATEGORY = "already_queued";

		public String reason() {
			return "already " + payout.status().code()
					+ " on a batch line of an earlier run: a restart or rerun sends that line, no new line is built";
		}

	}

}
