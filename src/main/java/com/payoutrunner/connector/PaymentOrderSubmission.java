package com.payoutrunner.connector;

import java.util.UUID;

/**
 * One order as sent: its idempotency key, the exact JSON body saved before the first
 * attempt, and which attempt this is (1 for the first). A retry sends the saved body
 * again, never a rebuilt one, so the bank sees the same content under the same key.
 */
record PaymentOrderSubmission(UUID idempotencyKey, String body, int attempt) {

	public PaymentOrderSubmission(UUID idempotencyKey, String body) {
		this(idempotencyKey, body, 1);
	}

	/** True when an earlier attempt may have reached the bank. */
	public boolean sentBefore() {
		return attempt > 1;
	}

}
