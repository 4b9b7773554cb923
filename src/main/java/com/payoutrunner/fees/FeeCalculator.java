package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.Priority;

/**
 * fee = amount × rate + fixed, in the payout's currency. The percentage part is rounded
 * to the currency's minor unit, HALF_UP (the customary rounding for charges). The fixed
 * part is an amount in the currency its rule states (EUR 0.50), converted at the FX
 * table's rate into the payout's currency and rounded HALF_UP to its exponent by
 * {@link MoneyConversion}: EUR 0.50 is 0.54 USD or 86 JPY, never 0.50 USD or 1 JPY. Each
 * part is rounded on its own, so that amount = net + fee holds exactly.
 */
public final class FeeCalculator {

	private final FeeSchedule schedule;

	private final MoneyConversion conversion;

	public FeeCalculator(FeeSchedule schedule, MoneyConversion conversion) {
		this.schedule = schedule;
		this.conversion = conversion;
	}

	public Fee feeFor(Money amount, Priority priority) {
		FeeRule rule = schedule.ruleFor(priority);
		return fee(amount, rule.ratePercent(), rule.fixedFee().toDecimal(), rule.fixedFee().currency(), rule.source());
	}

	/**
	 * The fee of a rule: {@code ratePercent} of the amount plus {@code fixedFee} of
	 * {@code fixedFeeCurrency} converted into the amount's currency.
	 * @throws PayoutSkippedException (unsupported_currency) when a currency has no rate
	 */
	public Fee fee(Money amount, BigDecimal ratePercent, BigDecimal fixedFee, Currency fixedFeeCurrency,
			String source) {
		BigDecimal percentage = amount.toDecimal().multiply(ratePercent).movePointLeft(2);
		Money fixed;
		try {
			fixed = conversion.convert(fixedFee, fixedFeeCurrency, amount.currency());
		}
		catch (MoneyConversion.NotConvertibleException ex) {
			throw new PayoutSkippedException(SkipCategory.UNSUPPORTED_CURRENCY, ex.getMessage());
		}
		return new Fee(Money.round(percentage, amount.currency(), RoundingMode.HALF_UP), fixed, source);
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
