package com.payoutrunner.security;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's door of {@link FailedLogins}: a request carrying credentials from an address
 * that sent too many wrong ones gets {@code 429} with {@code Retry-After} until its
 * window ends, without a password check; each 401 counts. Requests without credentials
 * cost nothing and are not counted.
 */
final class FailedLoginLimiter extends OncePerRequestFilter {

	private final FailedLogins failedLogins;

	private final SecurityProblems problems;

	FailedLoginLimiter(FailedLogins failedLogins, SecurityProblems problems) {
		this.failedLogins = failedLogins;
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
		OptionalLong wait = failedLogins.waitSeconds(client);
		if (wait.isPresent()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
			problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-failed-logins",
					"too many wrong user names or passwords from this address; try again in " + wait.getAsLong()
							+ " s");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failedLogins.failed(client);
		}
	}

}
