package com.payoutrunner.fees;

import com.payoutrunner.core.Money;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.payout.PayoutCandidate;

/**
 * Prices an eligible payout (an API payout at the fee it was quoted when created); skips
 * it (amount_below_fees) when the fee would take everything.
 */
public class FeeProcessor implements ItemProcessor<PayoutCandidate, PricedPayout> {

	private final FeeCalculator calculator;

	public FeeProcessor(FeeCalculator calculator) {
		this.calculator = calculator;
	}

	@Override
	public PricedPayout process(PayoutCandidate payout) {
		var agreed = payout.agreedFee();
		Fee fee = agreed == null ? calculator.feeFor(payout.amount(), payout.priority())
				: new Fee(Money.ofMinor(agreed.platformMinor(), payout.currency()),
						Money.ofMinor(agreed.bankMinor(), payout.currency()), agreed.rule());
		return new PricedPayout(payout, fee, calculator.netOf(payout.amount(), fee));
	}

}
