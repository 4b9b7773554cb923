package com.payoutrunner.fees;

import java.util.Optional;

import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;

/**
 * Whether a payout must wait for approvers: when it is worth more than its priority's (or
 * its routing rule's) threshold, or more than the ceiling, whatever its priority. Values
 * are compared across currencies exactly ({@link MoneyConversion#isAbove}): a KWD or JPY
 * amount is weighed by what it is worth in the threshold's currency, never as a bare
 * number, and no rounding can carry an amount over a limit under it. An amount equal to a
 * limit does not need approval. Pure.
 */
public final class ApprovalPolicy {

	private final MoneyConversion conversion;

	private final Money ceiling;

	public ApprovalPolicy(MoneyConversion conversion, Money ceiling) {
		if (!ceiling.isPositive() || !conversion.canConvert(ceiling.currency())) {
			throw new IllegalArgumentException(
					"the approval ceiling " + ceiling + " must be above zero in a currency with an FX rate");
		}
		this.conversion = conversion;
		this.ceiling = ceiling;
	}

	/**
	 * @param threshold the threshold of the payout's price, in the currency it is stated
	 * in
	 * @param thresholdSource where the threshold comes from ("fee-schedule.csv:4")
	 * @return why the payout needs approval, or empty when it does not
	 */
	public Optional<String> reasonForApproval(Money amount, Money threshold, String thresholdSource) {
		if (conversion.isAbove(amount, threshold)) {
			return Optional.of(amount + " is above the approval threshold " + threshold + " (" + thresholdSource + ")");
		}
		if (conversion.isAbove(amount, ceiling)) {
			return Optional.of(amount + " is above the approval ceiling " + ceiling + " (payout.approvals.ceiling)");
		}
		return Optional.empty();
	}

	public Money ceiling() {
		return ceiling;
	}

}
