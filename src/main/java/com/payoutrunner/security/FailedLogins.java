package com.payoutrunner.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong credentials counted per client address, one count for both doors: the API's HTTP
 * Basic ({@link FailedLoginLimiter}) and the console's sign-in form
 * ({@link FormSignInLimiter}). After {@code failedAttempts} failures in a window, the
 * address waits until the window ends, without a password check: a bcrypt check costs
 * 60-90 ms of CPU, so an unlimited guesser would also starve everyone else.
 *
 * <p>
 * The address is the connection's ({@code getRemoteAddr}); behind a proxy it is the
 * proxy's unless {@code server.forward-headers-strategy} says to trust its headers.
 */
final class FailedLogins {

	/** Beyond this many addresses, windows that have ended are dropped. */
	private static final int MAX_CLIENTS = 10_000;

	private final AuthenticationCostProperties limits;

	private final Clock clock;

	private final Map<String, Window> failures = new ConcurrentHashMap<>();

	private record Window(Instant start, int failures) {
	}

	FailedLogins(AuthenticationCostProperties limits, Clock clock) {
		this.limits = limits;
		this.clock = clock;
	}

	/** Seconds until the address may try again (at least 1), or empty when it may now. */
	OptionalLong waitSeconds(String client) {
		Instant now = clock.instant();
		Window window = failures.get(client);
		if (window != null && window.failures() >= limits.failedAttempts() && now.isBefore(end(window))) {
			return OptionalLong.of(Math.max(1, (Duration.between(now, end(window)).toMillis() + 999) / 1000));
		}
		return OptionalLong.empty();
	}

	void failed(String client) {
		Instant now = clock.instant();
		if (failures.size() >= MAX_CLIENTS) {
			failures.values().removeIf(window -> !now.isBefore(end(window)));
		}
		failures.compute(client, (address, window) -> (window == null || !now.isBefore(end(window)))
				? new Window(now, 1) : new Window(window.start(), window.failures() + 1));
	}

	private Instant end(Window window) {
		return window.start().plus(limits.failedAttemptsWindow());
	}

}
