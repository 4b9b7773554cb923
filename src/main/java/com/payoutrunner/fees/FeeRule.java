package com.payoutrunner.fees;

import java.math.BigDecimal;

import com.payoutrunner.payout.Priority;

/**
 * One row of the fee schedule. {@code source} names the file and line
 * ("fee-schedule.csv:4") and is stored on every batch line, so a past run's fee can be
 * explained. {@code approvalThreshold} is null when none applies.
 */
public record FeeRule(Priority priority, BigDecimal ratePercent, BigDecimal fixedFee, boolean batched,
		BigDecimal approvalThreshold, String source) {
}
