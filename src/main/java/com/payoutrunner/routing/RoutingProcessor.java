package com.payoutrunner.routing;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.fees.PricedPayout;

/**
 * Chooses the rail and converts the net amount into the rail currency. The rail never
 * asks for bank details: the connector that sends the payout does (ConnectorProcessor).
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
		return new RoutedPayout(priced, route, converter.convert(priced.net(), route.currency()));
	}

}
