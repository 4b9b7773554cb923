package com.payoutrunner.connector;

import java.util.List;
import java.util.UUID;

/**
 * Sends payment orders to a bank. Implementations never throw for a bank's answer: every
 * order gets an outcome, in the order given. The same idempotency key with the same body
 * must never create a second order.
 */
interface PaymentConnector {

	/** Stable name, stored on batches and submissions. */
	String name();

	/** Sends the orders in one bulk request; returns one outcome per order. */
	List<SubmissionOutcome> submit(List<PaymentOrderSubmission> orders);

	/**
	 * Asks the bank which of these keys it holds an order for: ACCEPTED (with the order
	 * id) or FAILED "not_found" from the bank, or UNKNOWN when the bank could not be
	 * asked.
	 */
	List<SubmissionOutcome> lookup(List<UUID> keys);

}
