package com.payoutrunner.routing;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.fees.PricedPayout;

/**
 * Chooses the rail, checks the bank details it needs, and converts the net amount into
 * the rail currency.
 */
public class RoutingProcessor implements ItemProcessor<PricedPayout, RoutedPayout> {

	private final RailSelector selector;

	private final FxConverter converter;

	public RoutingProcessor(RailSelector selector, FxConverter converter) {
		this.selector = selector;
		this.converter = converter;
	}

	@Override
	public RoutedPayout process(PricedPayout priced) {
		var payout = priced.payout();
		RailRoute route = selector.select(payout.country(), payout.hasUsBankAccount());
		var missing = BankDetailsRequirement.check(route, payout.bank());
		if (missing.isPresent()) {
			throw missing.get();
		}
		return new RoutedPayout(priced, route, converter.convert(priced.net(), route.currency()));
	}

}
