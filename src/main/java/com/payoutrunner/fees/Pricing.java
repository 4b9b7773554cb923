package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.Priority;

/**
 * What an API payout is charged, and above which amount it needs approval: the most
 * specific active routing rule that applies (currency, origin module and amount band each
 * count one); among equally specific ones, the oldest (lowest id) wins, so the outcome
 * never depends on the order rules are read in. Without one, the fee schedule of
 * config/fees. Pure.
 */
public final class Pricing {

	/** A price: the fee (platform part, bank part, rule) and the approval threshold. */
	public record Price(Fee fee, BigDecimal approvalThreshold) {
	}

	private final FeeSchedule schedule;

	private final FeeCalculator calculator;

	public Pricing(FeeSchedule schedule) {
		this.schedule = schedule;
		this.calculator = new FeeCalculator(schedule);
	}

	public Price price(Money amount, Priority priority, String originModule, List<RoutingRule> rules) {
		Optional<RoutingRule> rule = rules.stream()
			.filter(candidate -> candidate.appliesTo(amount, priority, originModule))
			.min(Comparator.comparingInt(RoutingRule::specificity).reversed().thenComparingLong(RoutingRule::id));
		if (rule.isEmpty()) {
			return new Price(calculator.feeFor(amount, priority), schedule.ruleFor(priority).approvalThreshold());
		}
		RoutingRule chosen = rule.get();
		BigDecimal percentage = amount.toDecimal().multiply(chosen.ratePercent()).movePointLeft(2);
		Fee fee = new Fee(Money.round(percentage, amount.currency(), RoundingMode.HALF_UP),
				Money.round(chosen.fixedFee(), amount.currency(), RoundingMode.HALF_UP), chosen.source());
		BigDecimal threshold = chosen.approvalThreshold() != null ? chosen.approvalThreshold()
				: schedule.ruleFor(priority).approvalThreshold();
		return new Price(fee, threshold);
	}

}
