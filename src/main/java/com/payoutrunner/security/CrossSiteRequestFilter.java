package com.payoutrunner.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses state-changing requests a browser sends on behalf of another site: browsers
 * resend cached Basic credentials, so without this a page elsewhere could approve a
 * payout. A request whose {@code Origin} is not this server's own origin, or that a
 * browser marks {@code Sec-Fetch-Site: cross-site}, gets {@code 403} before its
 * credentials are checked. API clients (curl, scripts) send neither header and are not
 * affected. Reads (GET, HEAD, OPTIONS) change nothing and pass.
 *
 * <p>
 * The own origin is the request's scheme and {@code Host}: behind a proxy that ends TLS,
 * set {@code server.forward-headers-strategy} so the scheme is the client's.
 */
final class CrossSiteRequestFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final SecurityProblems problems;

	CrossSiteRequestFilter(SecurityProblems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE_METHODS.contains(request.getMethod())) {
			String refusal = refusal(request);
			if (refusal != null) {
				problems.send(request, response, HttpStatus.FORBIDDEN, "cross-site-request", refusal
						+ "; state-changing requests are taken from API clients and this server's own pages " + "only");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/** Why the request is refused, or null. */
	private static String refusal(HttpServletRequest request) {
		if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
			return "the browser marks this request as cross-site (Sec-Fetch-Site)";
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && !normalised(origin).equals(ownOrigin(request))) {
			return "the request comes from another origin (Origin: " + printable(origin) + ")";
		}
		return null;
	}

	private static String ownOrigin(HttpServletRequest request) {
		String host = request.getHeader(HttpHeaders.HOST);
		if (host == null || host.isBlank()) {
			host = request.getServerName() + ":" + request.getServerPort();
		}
		return normalised(request.getScheme() + "://" + host);
	}

	/**
	 * scheme://host[:port] in lower case, the scheme's default port left out; anything
	 * unparseable (such as the {@code null} origin of sandboxed pages) stays as it is and
	 * so matches nothing.
	 */
	private static String normalised(String origin) {
		try {
			URI uri = URI.create(origin.strip());
			if (uri.getScheme() == null || uri.getHost() == null) {
				return origin;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
					|| (scheme.equals("https") && port == 443);
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return origin;
		}
	}

	private static String printable(String value) {
		String shown = value.length() > 100 ? value.substring(0, 100) + "…" : value;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
