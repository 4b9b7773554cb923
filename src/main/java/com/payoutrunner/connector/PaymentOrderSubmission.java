package com.payoutrunner.connector;

import java.util.UUID;

/**
 * One order as sent: its idempotency key and the exact JSON body saved before the first
 * attempt. A retry sends the saved body again, never a rebuilt one, so the bank sees the
 * same content under the same key.
 */
public record PaymentOrderSubmission(UUID idempotencyKey, String body) {
}
