package com.payoutrunner.fees;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.Priority;

/**
 * What an API payout is charged, and above which amount it needs approval: the most
 * specific active routing rule that applies (currency, origin module and amount band each
 * count one); among equally specific ones, the oldest (lowest id) wins, so the outcome
 * never depends on the order rules are read in. Without one, the fee schedule of
 * config/fees. A rule without a threshold keeps its priority's. Fixed fees are converted
 * from the currency they state ({@link FeeCalculator}). Pure.
 */
public final class Pricing {

	/**
	 * A price: the fee (platform part, bank part, rule), the approval threshold in the
	 * currency it is stated in, and where that threshold comes from.
	 */
	public record Price(Fee fee, Money approvalThreshold, String thresholdSource) {
	}

	private final FeeSchedule schedule;

	private final FeeCalculator calculator;

	public Pricing(FeeSchedule schedule, FeeCalculator calculator) {
		this.schedule = schedule;
		this.calculator = calculator;
	}

	public Price price(Money amount, Priority priority, String originModule, List<RoutingRule> rules) {
		FeeRule scheduled = schedule.ruleFor(priority);
		Optional<RoutingRule> rule = rules.stream()
			.filter(candidate -> candidate.appliesTo(amount, priority, originModule))
			.min(Comparator.comparingInt(RoutingRule::specificity).reversed().thenComparingLong(RoutingRule::id));
		if (rule.isEmpty()) {
			return new Price(calculator.feeFor(amount, priority), scheduled.approvalThreshold(), scheduled.source());
		}
		RoutingRule chosen = rule.get();
		Fee fee = calculator.fee(amount, chosen.ratePercent(), chosen.fixedFee(),
				Currency.getInstance(chosen.fixedFeeCurrency()), chosen.source());
		return chosen.approvalThreshold() != null ? new Price(fee, chosen.approvalThresholdMoney(), chosen.source())
				: new Price(fee, scheduled.approvalThreshold(), scheduled.source());
	}

}
