package com.payoutrunner.connector;

import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.RoutedPayout;

/**
 * Picks the connector of a routed payout (by rail and rail currency, as configured) and
 * checks that the payout carries what that connector addresses the beneficiary by: a bank
 * API the external account, a pain.001 file an IBAN, a NACHA file a routing and an
 * account number. A payout that lacks it is skipped as {@code missing_bank_details},
 * naming the connector and what is missing.
 */
public class ConnectorProcessor implements ItemProcessor<RoutedPayout, AddressedPayout> {

	private final ConnectorRouting routing;

	private final Map<String, BeneficiaryAddress> fileConnectors;

	/**
	 * @param fileConnectors the connectors that write bank files, with the coordinates
	 * each needs; every other connector is a bank API
	 */
	public ConnectorProcessor(ConnectorRouting routing, Map<String, BeneficiaryAddress> fileConnectors) {
		this.routing = routing;
		this.fileConnectors = Map.copyOf(fileConnectors);
	}

	@Override
	public AddressedPayout process(RoutedPayout routed) {
		String connector = routing.connectorFor(routed.route().rail(), routed.route().currency().getCurrencyCode());
		PayoutCandidate payout = routed.priced().payout();
		var missing = fileConnectors.getOrDefault(connector, BeneficiaryAddress.EXTERNAL_ACCOUNT)
			.missing(payout.externalAccountId(), payout.bank());
		if (missing.isPresent()) {
			throw new PayoutSkippedException(SkipCategory.MISSING_BANK_DETAILS,
					connector + " (" + routed.route().rail() + ") needs " + missing.get());
		}
		return new AddressedPayout(routed, connector);
	}

}
