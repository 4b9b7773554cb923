package com.payoutrunner.connector;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between the tries of one submission: {@code initialDelay × multiplier^(n-1)} (1
 * s, 2 s, 4 s, 8 s, 16 s by default), capped at {@code maxDelay}, spread by ±
 * {@code jitter} so that many runners do not retry in step. A {@code Retry-After} the
 * bank sent wins when it asks for longer (the dispatcher does not wait past
 * {@code maxDelay}: it leaves the orders to a later run).
 *
 * @param maxRetries tries after the first one
 * @param jitter fraction of the delay, 0 to 1
 */
public record BackoffPolicy(int maxRetries, Duration initialDelay, double multiplier, Duration maxDelay,
		double jitter) {

	public BackoffPolicy {
		if (maxRetries < 0 || multiplier < 1 || jitter < 0 || jitter > 1 || initialDelay.isNegative()
				|| maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException("invalid backoff: retries " + maxRetries + ", initial " + initialDelay
					+ ", multiplier " + multiplier + ", max " + maxDelay + ", jitter " + jitter);
		}
	}

	public static BackoffPolicy defaults() {
		return new BackoffPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30), 0.2);
	}

	/**
	 * @param retry 1 for the first retry
	 * @param retryAfter what the bank asked for, or null
	 * @param random a uniform value in [0, 1)
	 */
	public Duration delayBefore(int retry, Duration retryAfter, DoubleSupplier random) {
		double base = Math.min(initialDelay.toMillis() * Math.pow(multiplier, retry - 1), maxDelay.toMillis());
		double spread = base * jitter * (2 * random.getAsDouble() - 1);
		Duration delay = Duration.ofMillis(Math.round(Math.min(base + spread, maxDelay.toMillis())));
		return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
	}

}
