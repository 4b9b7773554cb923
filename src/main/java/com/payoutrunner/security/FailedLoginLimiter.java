package com.payoutrunner.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits wrong credentials per client address: after {@code failedAttempts} 401s in a
 * window, requests carrying credentials from that address get {@code 429} with
 * {@code Retry-After} until the window ends, without a password check. A bcrypt check
 * costs 60-90 ms of CPU, so an unlimited guesser would also starve everyone else.
 *
 * <p>
 * The address is the connection's ({@code getRemoteAddr}); behind a proxy it is the
 * proxy's unless {@code server.forward-headers-strategy} says to trust its headers.
 * Requests without credentials cost nothing and are not counted.
 */
final class FailedLoginLimiter extends OncePerRequestFilter {

	/** Beyond this many addresses, windows that have ended are dropped. */
	private static final int MAX_CLIENTS = 10_000;

	private final AuthenticationCostProperties limits;

	private final Clock clock;

	private final SecurityProblems problems;

	private final Map<String, Window> failures = new ConcurrentHashMap<>();

	private record Window(Instant start, int failures) {
	}

	FailedLoginLimiter(AuthenticationCostProperties limits, Clock clock, SecurityProblems problems) {
		this.limits = limits;
		this.clock = clock;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			chain.doFilter(request, response);
			return;
		}
		String client = request.getRemoteAddr();
		Instant now = clock.instant();
		Window window = failures.get(client);
		if (window != null && window.failures() >= limits.failedAttempts() && now.isBefore(end(window))) {
			long seconds = Math.max(1, (Duration.between(now, end(window)).toMillis() + 999) / 1000);
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
					"too many wrong user names or passwords from this address; try again in " + seconds + " s");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failed(client, now);
		}
	}

	private void failed(String client, Instant now) {
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
