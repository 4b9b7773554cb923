package com.payoutrunner.preview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import com.payoutrunner.batching.PayoutRuleChain;
import com.payoutrunner.connector.AddressedPayout;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.RailSelector;
import com.payoutrunner.routing.RoutedPayout;

/**
 * The business rules of {@code buildBatchLinesStep}: the step's own
 * {@link PayoutRuleChain} (eligibility → fees → rail and FX → connector and the
 * beneficiary details it needs), plus the value date the batch line would get. A
 * {@link PayoutSkippedException} is the step's only skip; anything else fails the step,
 * and so it propagates here too. Holds no state between payouts and writes nothing.
 */
final class RunRules {

	private final PayoutRuleChain chain;

	private final Function<String, LocalDate> valueDateOfRail;

	/**
	 * @param businessDate the run's business date (payouts scheduled after it wait)
	 * @param now when the run looks (failed payouts due later wait)
	 * @param valueDateOfRail the value date a batch line of each rail would get
	 */
	public RunRules(LocalDate businessDate, Instant now, FeeCalculator fees, RailSelector rails, FxConverter fx,
			ConnectorProcessor connectors, Function<String, LocalDate> valueDateOfRail) {
		this.chain = PayoutRuleChain.of(businessDate, now, fees, rails, fx, connectors);
		this.valueDateOfRail = valueDateOfRail;
	}

	public PreviewOutcome judge(PayoutCandidate payout) {
		try {
			AddressedPayout addressed = chain.process(payout);
			if (addressed == null) {
				return new PreviewOutcome.AlreadyQueued(payout);
			}
			RoutedPayout routed = addressed.routed();
			return new PreviewOutcome.WouldPay(routed, addressed.connector(),
					valueDateOfRail.apply(routed.route().rail()));
		}
		catch (PayoutSkippedException skip) {
			return new PreviewOutcome.WouldSkip(payout, skip.category(), skip.reason());
		}
	}

}
