package com.payoutrunner.fees;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.payout.PayoutCandidate;

/**
 * Prices an eligible payout; skips it (amount_below_fees) when the fee would take
 * everything.
 */
public class FeeProcessor implements ItemProcessor<PayoutCandidate, PricedPayout> {

	private final FeeCalculator calculator;

	public FeeProcessor(FeeCalculator calculator) {
		this.calculator = calculator;
	}

	@Override
	public PricedPayout process(PayoutCandidate payout) {
		Fee fee = calculator.feeFor(payout.amount(), payout.priority());
		return new PricedPayout(payout, fee, calculator.netOf(payout.amount(), fee));
	}

}
