package com.payoutrunner.reconciliation;

import java.time.LocalDate;
import java.util.List;

import com.payoutrunner.core.Money;

/**
 * One entry of a bank statement, whatever its format.
 *
 * @param line where the entry starts in the file (CSV: the row's line, the header being
 * line 1; camt.053: the line of its {@code Ntry})
 * @param amount always positive: the direction says which way the money went
 * @param endToEndIds the payout references the bank quotes; several when the bank booked
 * a batch as one entry
 * @param paymentOrderId the payment order the entry settles (the bank's order id, or the
 * bank file or batch reference); null when not given
 * @param returnReason the bank's return code (AC04, R01, ...) of a returned entry
 * @param charges what the bank says it deducted (camt.053 {@code Chrgs}, CSV
 * {@code charges}), in the entry's currency; null when it says nothing
 * @param reasonCode the bank's code for why it paid less (CSV {@code reason_code}, the
 * charge type of camt.053 {@code Chrgs/Rcrd/Tp}); null when none
 */
record StatementLine(int line, LocalDate bookingDate, Money amount, Direction direction, EntryStatus status,
		String bankReference, List<String> endToEndIds, String paymentOrderId, String returnReason, Money charges,
		String reasonCode) {

	public StatementLine {
		endToEndIds = List.copyOf(endToEndIds);
		if (charges != null && !charges.code().equals(amount.code())) {
			throw new IllegalArgumentException(
					"line " + line + ": charges " + charges + " in another currency than " + amount);
		}
	}

	/** A line that says nothing about charges or why it paid less. */
	public StatementLine(int line, LocalDate bookingDate, Money amount, Direction direction, EntryStatus status,
			String bankReference, List<String> endToEndIds, String paymentOrderId, String returnReason) {
		this(line, bookingDate, amount, direction, status, bankReference, endToEndIds, paymentOrderId, returnReason,
				null, null);
	}

	/**
	 * Whether the bank says why a booked amount may be short: charges or a reason code.
	 */
	boolean explainsShortfall() {
		return (charges != null && charges.isPositive()) || reasonCode != null;
	}

	/** Debit: money left our account (a payout). Credit: money came in. */
	public enum Direction {

		DEBIT, CREDIT

	}

	public enum EntryStatus {

		/** The money moved: the payouts it names are settled. */
		BOOKED,

		/** The payment came back: the payouts it names are returned. */
		RETURNED,

		/** Not booked yet: left for a later statement. */
		PENDING

	}

	/** The references an operator reads in the report: end-to-end ids, else the order. */
	String references() {
		return endToEndIds.isEmpty() ? (paymentOrderId == null ? "" : paymentOrderId) : String.join(" ", endToEndIds);
	}

}
