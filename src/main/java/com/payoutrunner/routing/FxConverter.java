package com.payoutrunner.routing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;

import com.payoutrunner.core.Money;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;

/**
 * Converts a fixed source amount into the rail currency (fixed_to_variable: the
 * investor's USD amount is fixed, what they receive in local currency varies with the
 * rate). The cross rate is computed at 20 significant digits and the result rounded once,
 * HALF_EVEN, to the target currency's minor unit (JPY has none).
 */
public final class FxConverter {

	private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

	private final FxRateTable rates;

	public FxConverter(FxRateTable rates) {
		this.rates = rates;
	}

	public FxConversion convert(Money source, Currency target) {
		var from = rates.quote(source.currency()).orElseThrow(() -> unsupported(source.currency()));
		var to = rates.quote(target).orElseThrow(() -> unsupported(target));
		BigDecimal rate = to.unitsPerUsd().divide(from.unitsPerUsd(), PRECISION);
		Money converted;
		try {
			converted = Money.round(source.toDecimal().multiply(rate, PRECISION), target, RoundingMode.HALF_EVEN);
		}
		catch (ArithmeticException ex) {
			throw new PayoutSkippedException(SkipCategory.INVALID_AMOUNT,
					source + " is too large to pay in " + target.getCurrencyCode());
		}
		if (!converted.isPositive()) {
			throw new PayoutSkippedException(SkipCategory.INVALID_AMOUNT,
					source + " converts to " + converted + ": nothing to pay on the rail");
		}
		var quoteDate = from.quoteDate().isBefore(to.quoteDate()) ? from.quoteDate() : to.quoteDate();
		return new FxConversion(source, converted, rate.stripTrailingZeros(), quoteDate);
	}

	private static PayoutSkippedException unsupported(Currency currency) {
		return new PayoutSkippedException(SkipCategory.UNSUPPORTED_CURRENCY,
				"no FX rate for " + currency.getCurrencyCode() + " in config/fx/fx-rates.csv");
	}

}
