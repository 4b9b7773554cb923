package com.payoutrunner.connector;

import java.time.Duration;
import java.util.UUID;

/**
 * What is known about one order after a call. Outcomes are data, never exceptions.
 * {@code retryAfter} is the wait the bank asked for (429), or null. {@code fromBank}
 * tells whether the bank itself answered about this order (its own result in the bulk
 * answer, or a lookup) or whether the outcome was inferred from the transport (connection
 * refused, timeout, an HTTP error for the whole request).
 */
public record SubmissionOutcome(UUID idempotencyKey, Status status, String bankOrderId, String reasonCode,
		String reason, boolean fromBank, Duration retryAfter) {

	public enum Status {

		/** The bank holds an order for the key: {@code bankOrderId} is set. */
		ACCEPTED,

		/**
		 * Refused: no order exists for the key, and the same order will be refused again.
		 */
		REJECTED,

		/** Not processed (connection refused, 429, 503): no order exists for the key. */
		FAILED,

		/**
		 * The request may have reached the bank and no answer came back: resolved later
		 * by asking the bank about the key, never by sending a different order.
		 */
		UNKNOWN

	}

	public static SubmissionOutcome accepted(UUID key, String orderId) {
		return new SubmissionOutcome(key, Status.ACCEPTED, orderId, null, null, true, null);
	}

	/** The bank's own answer about this order. */
	public static SubmissionOutcome fromBank(UUID key, Status status, String reasonCode, String reason) {
		return new SubmissionOutcome(key, status, null, reasonCode, reason, true, null);
	}

	/** Inferred from the transport, for every order of a request. */
	public static SubmissionOutcome fromTransport(UUID key, Status status, String reasonCode, String reason) {
		return new SubmissionOutcome(key, status, null, reasonCode, reason, false, null);
	}

	/** The same outcome, with the wait the bank asked for before trying again. */
	public SubmissionOutcome withRetryAfter(Duration wait) {
		return new SubmissionOutcome(idempotencyKey, status, bankOrderId, reasonCode, reason, fromBank, wait);
	}

	/**
	 * Worth another try within the same submission: the transport failed, not the order.
	 */
	public boolean isTransient() {
		return !fromBank && (status == Status.FAILED || status == Status.UNKNOWN);
	}

	/**
	 * For an order that was sent before: a transport failure now says nothing about the
	 * earlier attempt, which may have created the order. Only the bank's own answer
	 * settles it; anything else leaves it UNKNOWN, to be looked up again.
	 */
	public SubmissionOutcome afterEarlierAttempt() {
		if (fromBank || status == Status.ACCEPTED || status == Status.UNKNOWN) {
			return this;
		}
		return new SubmissionOutcome(idempotencyKey, Status.UNKNOWN, null, reasonCode,
				reason + " (an earlier attempt may have reached the bank)", false, retryAfter);
	}

}
