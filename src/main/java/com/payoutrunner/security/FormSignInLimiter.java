package com.payoutrunner.security;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's door of {@link FailedLogins}: each failed sign-in at the form counts
 * against the client's address, as a 401 of the API does; an address that sent too many
 * is sent back to the sign-in page, which says how long to wait, before any password is
 * checked.
 */
final class FormSignInLimiter extends OncePerRequestFilter implements AuthenticationFailureHandler {

	private final FailedLogins failedLogins;

	private final String signIn;

	private final AuthenticationFailureHandler wrongPassword;

	FormSignInLimiter(FailedLogins failedLogins, String signIn) {
		this.failedLogins = failedLogins;
		this.signIn = signIn;
		this.wrongPassword = new SimpleUrlAuthenticationFailureHandler(signIn + "?error");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + signIn);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		OptionalLong wait = failedLogins.waitSeconds(request.getRemoteAddr());
		if (wait.isPresent()) {
			response.sendRedirect(request.getContextPath() + signIn + "?limited=" + wait.getAsLong());
			return;
		}
		chain.doFilter(request, response);
	}

	/** A wrong user name or password at the form: counted, then the page says so. */
	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		failedLogins.failed(request.getRemoteAddr());
		wrongPassword.onAuthenticationFailure(request, response, exception);
	}

}
