package com.payoutrunner.fees;

import java.math.BigDecimal;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.Priority;

/**
 * One row of the fee schedule. {@code fixedFee} and {@code approvalThreshold} are amounts
 * in the currency they state (EUR in the shipped schedule), converted for each payout by
 * {@link com.payoutrunner.core.MoneyConversion}. Every priority has a threshold, so a
 * creator cannot skip approval by choosing one. {@code source} names the file and line
 * ("fee-schedule.csv:4") and is stored on every batch line, so a past run's fee can be
 * explained.
 */
record FeeRule(Priority priority, BigDecimal ratePercent, Money fixedFee, boolean batched, Money approvalThreshold,
		String source) {
}
