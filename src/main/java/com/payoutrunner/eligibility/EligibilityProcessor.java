package com.payoutrunner.eligibility;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutStatus;

/**
 * Adapts {@link EligibilityPolicy} to the chunk: an ineligible payout is thrown as a
 * skip. A payout that already has a line in flight (queued or sending, left by an earlier
 * run) is filtered out here: the submit step sends it.
 */
public class EligibilityProcessor implements ItemProcessor<PayoutCandidate, PayoutCandidate> {

	private final EligibilityPolicy policy;

	public EligibilityProcessor(EligibilityPolicy policy) {
		this.policy = policy;
	}

	@Override
	public PayoutCandidate process(PayoutCandidate payout) {
		if (payout.status() == PayoutStatus.QUEUED || payout.status() == PayoutStatus.SENDING) {
			return null;
		}
		var skip = policy.check(payout);
		if (skip.isPresent()) {
			throw skip.get();
		}
		return payout;
	}

}
