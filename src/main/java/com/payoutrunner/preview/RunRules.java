package com.payoutrunner.preview;

import com.payoutrunner.schedule.RailCutOffs;

import java.time.Instant;
import java.time.LocalDate;

import com.payoutrunner.connector.ConnectorRouting;
import com.payoutrunner.eligibility.EligibilityPolicy;
import com.payoutrunner.eligibility.EligibilityProcessor;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.fees.FeeProcessor;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.RailSelector;
import com.payoutrunner.routing.RoutedPayout;
import com.payoutrunner.routing.RoutingProcessor;

/**
 * The business rules of {@code buildBatchLinesStep}, composed exactly as the step
 * composes them: the same processors (eligibility → fees → rail, bank details and FX)
 * over the same pure classes, and the connector the batch line writer would pick. A
 * {@link PayoutSkippedException} is the step's only skip; anything else fails the step,
 * and so it propagates here too. Holds no state between payouts and writes nothing.
 */
public final class RunRules {

	private final EligibilityProcessor eligibility;

	private final FeeProcessor fees;

	private final RoutingProcessor routing;

	private final ConnectorRouting connectors;

	/**
	 * @param businessDate the run's business date (payouts scheduled after it wait)
	 * @param now when the run looks (failed payouts due later wait)
	 */
	public RunRules(LocalDate businessDate, Instant now, FeeCalculator fees, RailSelector rails, FxConverter fx,
			ConnectorRouting connectors, RailCutOffs cutOffs) {
		this.now = now;
		this.cutOffs = cutOffs;
		this.eligibility = new EligibilityProcessor(new EligibilityPolicy(businessDate, now));
		this.fees = new FeeProcessor(fees);
		this.routing = new RoutingProcessor(rails, fx);
		this.connectors = connectors;
	}

	private final Instant now;

	private final RailCutOffs cutOffs;

	public PreviewOutcome judge(PayoutCandidate payout) {
		try {
			PayoutCandidate eligible = eligibility.process(payout);
			if (eligible == null) {
				return new PreviewOutcome.AlreadyQueued(payout);
			}
			RoutedPayout routed = routing.process(fees.process(eligible));
			// As BatchLineWriter keys its batches: rail, rail currency, connector.
			String connector = connectors.connectorFor(routed.route().rail(),
					routed.route().currency().getCurrencyCode());
			return new PreviewOutcome.WouldPay(routed, connector, cutOffs.valueDate(routed.route().rail(), now));
		}
		catch (PayoutSkippedException skip) {
			return new PreviewOutcome.WouldSkip(payout, skip.category(), skip.reason());
		}
	}

}
