package com.payoutrunner.fees;

import com.payoutrunner.core.Money;

/**
 * A priced payout's fee: the percentage part, the fixed part, and the rule they came
 * from.
 */
public record Fee(Money percentagePart, Money fixedPart, String rule) {

	public Money total() {
		return percentagePart.plus(fixedPart);
	}
}
