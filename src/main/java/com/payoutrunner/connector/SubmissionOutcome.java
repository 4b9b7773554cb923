package com.payoutrunner.connector;

import java.util.UUID;

/** What the bank said about one order. Outcomes are data, never exceptions. */
public record SubmissionOutcome(UUID idempotencyKey, Status status, String bankOrderId, String reasonCode,
		String reason) {

	public enum Status {

		/** The bank holds an order for the key: {@code bankOrderId} is set. */
		ACCEPTED,
		/**
		 * Permanent refusal (validation, unknown account): retrying the same order cannot
		 * help.
		 */
		REJECTED,
		/**
		 * Transient and known not to have been processed (connection refused, 429, 503):
		 * safe to send again.
		 */
		FAILED,
		/**
		 * The request may have reached the bank and no answer came back: resolved by
		 * sending the same order again.
		 */
		UNKNOWN

	}

	public static SubmissionOutcome accepted(UUID key, String orderId) {
		return new SubmissionOutcome(key, Status.ACCEPTED, orderId, null, null);
	}

	public static SubmissionOutcome of(UUID key, Status status, String reasonCode, String reason) {
		return new SubmissionOutcome(key, status, null, reasonCode, reason);
	}
}
