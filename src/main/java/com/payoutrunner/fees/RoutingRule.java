package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.Priority;

/**
 * A fee rule managed through the API: for a priority, optionally only one currency,
 * origin module and amount band (in that currency, bounds included). Null means any. The
 * fixed fee and the approval threshold are amounts in the currency stated next to them
 * (converted into a payout's currency like the fee schedule's); the threshold may be null
 * (the fee schedule's applies).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RoutingRule(long id, Priority priority, String currency, String originModule, BigDecimal minAmount,
		BigDecimal maxAmount, BigDecimal ratePercent, BigDecimal fixedFee, String fixedFeeCurrency,
		BigDecimal approvalThreshold, String approvalThresholdCurrency, boolean active) {

	public boolean appliesTo(Money amount, Priority payoutPriority, String module) {
		return active && priority == payoutPriority && (currency == null || currency.equals(amount.code()))
				&& (originModule == null || originModule.equals(module))
				&& (minAmount == null || amount.toDecimal().compareTo(minAmount) >= 0)
				&& (maxAmount == null || amount.toDecimal().compareTo(maxAmount) <= 0);
	}

	/** How many of currency, origin module and amount band it names. */
	public int specificity() {
		return (currency != null ? 1 : 0) + (originModule != null ? 1 : 0)
				+ (minAmount != null || maxAmount != null ? 1 : 0);
	}

	/**
	 * The threshold as money, or null. Rounded DOWN to the currency's minor unit should a
	 * stored value carry more decimals: a lower threshold can only ask for more
	 * approvals, never fewer.
	 */
	public Money approvalThresholdMoney() {
		return approvalThreshold == null ? null
				: Money.round(approvalThreshold, Currency.getInstance(approvalThresholdCurrency), RoundingMode.DOWN);
	}

	public String source() {
		return "routing_rule:" + id;
	}

}
