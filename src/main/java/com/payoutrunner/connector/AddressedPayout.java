package com.payoutrunner.connector;

import com.payoutrunner.routing.RoutedPayout;

/**
 * A routed payout with the connector that will send it, its beneficiary addressed the way
 * that connector needs.
 */
public record AddressedPayout(RoutedPayout routed, String connector) {

	public long payoutId() {
		return routed.priced().payout().id();
	}

}
