package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.payoutrunner.core.Money;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.Priority;

/**
 * fee = amount × rate + fixed, in the payout's currency. Each part is rounded on its own
 * to the currency's minor unit, HALF_UP (the customary rounding for charges), so that
 * amount = net + fee holds exactly.
 */
public final class FeeCalculator {

	private final FeeSchedule schedule;

	public FeeCalculator(FeeSchedule schedule) {
		this.schedule = schedule;
	}

	public Fee feeFor(Money amount, Priority priority) {
		FeeRule rule = schedule.ruleFor(priority);
		BigDecimal percentage = amount.toDecimal().multiply(rule.ratePercent()).movePointLeft(2);
		return new Fee(Money.round(percentage, amount.currency(), RoundingMode.HALF_UP),
				Money.round(rule.fixedFee(), amount.currency(), RoundingMode.HALF_UP), rule.source());
	}

	/**
	 * @return the net amount the beneficiary is paid
	 * @throws PayoutSkippedException (amount_below_fees) when the fee would leave nothing
	 * to pay
	 */
	public Money netOf(Money amount, Fee fee) {
		Money net = amount.minus(fee.total());
		if (!net.isPositive()) {
			throw new PayoutSkippedException(SkipCategory.AMOUNT_BELOW_FEES,
					"fee " + fee.total() + " is not below the amount " + amount);
		}
		return net;
	}

}
