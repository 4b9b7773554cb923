package com.payoutrunner.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code payout.security.authentication}: what a credential check may cost
 * the service.
 *
 * @param cacheFor how long a successful check is remembered (keyed by an HMAC of user and
 * password, never the password), so a client sending its credentials with every request
 * pays one bcrypt check per period instead of one per request; {@code 0s} turns it off
 * @param failedAttempts wrong credentials a client address may send per window before it
 * gets {@code 429}
 * @param failedAttemptsWindow the window those attempts are counted in
 */
@ConfigurationProperties("payout.security.authentication")
record AuthenticationCostProperties(@DefaultValue("60s") Duration cacheFor, @DefaultValue("10") int failedAttempts,
		@DefaultValue("1m") Duration failedAttemptsWindow) {

	public AuthenticationCostProperties {
		if (cacheFor.isNegative()) {
			throw new IllegalArgumentException("payout.security.authentication.cache-for must not be negative");
		}
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("payout.security.authentication.failed-attempts must be 1 or more");
		}
		if (failedAttemptsWindow.isNegative() || failedAttemptsWindow.isZero()) {
			throw new IllegalArgumentException(
					"payout.security.authentication.failed-attempts-window must be longer than 0s");
		}
	}

}
