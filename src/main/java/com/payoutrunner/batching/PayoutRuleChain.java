package com.payoutrunner.batching;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.payoutrunner.connector.AddressedPayout;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.eligibility.EligibilityPolicy;
import com.payoutrunner.eligibility.EligibilityProcessor;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.fees.FeeProcessor;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.RailSelector;
import com.payoutrunner.routing.RoutingProcessor;

/**
 * The business rules of {@code buildBatchLinesStep} in their one order: eligibility →
 * fees → rail and FX → connector (and the beneficiary details it needs). The run and its
 * dry run both judge payouts through this chain. A {@link PayoutSkippedException} is a
 * skip; null means the payout is already on an active line (filtered, not skipped). Not
 * final: the run's bean is step-scoped (a class proxy).
 */
public class PayoutRuleChain implements ItemProcessor<PayoutCandidate, AddressedPayout> {

	private final EligibilityProcessor eligibility;

	private final FeeProcessor fees;

	private final RoutingProcessor routing;

	private final ConnectorProcessor connectors;

	/**
	 * @param businessDate the run's business date (payouts scheduled after it wait)
	 * @param now when the run looks (failed payouts due later wait)
	 */
	public static PayoutRuleChain of(LocalDate businessDate, Instant now, FeeCalculator fees, RailSelector rails,
			FxConverter fx, ConnectorProcessor connectors) {
		return new PayoutRuleChain(new EligibilityProcessor(new EligibilityPolicy(businessDate, now)),
				new FeeProcessor(fees), new RoutingProcessor(rails, fx), connectors);
	}

	PayoutRuleChain(EligibilityProcessor eligibility, FeeProcessor fees, RoutingProcessor routing,
			ConnectorProcessor connectors) {
		this.eligibility = eligibility;
		this.fees = fees;
		this.routing = routing;
		this.connectors = connectors;
	}

	@Override
	public AddressedPayout process(PayoutCandidate payout) {
		PayoutCandidate eligible = eligibility.process(payout);
		if (eligible == null) {
			return null;
		}
		return connectors.process(routing.process(fees.process(eligible)));
	}

}
