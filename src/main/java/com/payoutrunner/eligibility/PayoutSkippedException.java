package com.payoutrunner.eligibility;

import com.payoutrunner.core.AccountMask;

/**
 * The root of business rejections: the only exception a run's steps skip. It carries the
 * category and a reason in words for the skip report, the payout's last skip reason and
 * the dry run's preview: anything in it that looks like an account (a cell echoed from a
 * shifted row) is masked once, here. Expected in volume, so it carries no stack trace.
 */
public class PayoutSkippedException extends RuntimeException {

	private final SkipCategory category;

	public PayoutSkippedException(SkipCategory category, String reason) {
		super(AccountMask.maskWithin(reason), null, false, false);
		this.category = category;
	}

	public SkipCategory category() {
		return category;
	}

	public String reason() {
		return getMessage();
	}

}
