package com.payoutrunner.eligibility;

/**
 * The root of business rejections: the only exception a run's steps skip. It carries the
 * category and a reason in words for the skip report. Expected in volume, so it carries
 * no stack trace.
 */
public class PayoutSkippedException extends RuntimeException {

	private final SkipCategory category;

	public PayoutSkippedException(SkipCategory category, String reason) {
		super(reason, null, false, false);
		this.category = category;
	}

	public SkipCategory category() {
		return category;
	}

	public String reason() {
		return getMessage();
	}

}
