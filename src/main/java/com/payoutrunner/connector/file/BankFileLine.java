package com.payoutrunner.connector.file;

import java.time.LocalDate;

import com.payoutrunner.connector.SubmittableLine;
import com.payoutrunner.payout.PayoutReference;

/** A batch line on its way into a bank file, with what the file needs beyond the line. */
record BankFileLine(SubmittableLine line, LocalDate scheduledDate, LocalDate payoutCreatedOn) {

	public String payoutReference() {
		return PayoutReference.of(line.payoutId(), payoutCreatedOn);
	}

	/**
	 * The payout's scheduled date, or the given day when it has none or it has passed.
	 */
	public LocalDate executionDate(LocalDate earliest) {
		return scheduledDate == null || scheduledDate.isBefore(earliest) ? earliest : scheduledDate;
	}

}
