package com.payoutrunner.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code 415} for a state-changing API request whose {@code Content-Type} is not the one
 * the endpoint takes, body or no body. Besides naming the mistake, it closes the door to
 * cross-site "simple" requests: a browser sends a form post, {@code text/plain} or no
 * type at all to any site without asking it first (no CORS preflight), while
 * {@code application/json}, {@code text/csv} or XML need the server's consent, which this
 * one never gives.
 *
 * <ul>
 * <li>{@code POST /api/reconciliations} (a statement as the body): {@code text/csv},
 * {@code application/xml}, {@code text/xml} or {@code application/octet-stream};</li>
 * <li>every other POST, PUT, PATCH under {@code /api/}: {@code application/json} (or a
 * {@code +json} type).</li>
 * </ul>
 *
 * Runs after authorization, so a caller without the right learns nothing more than 401 or
 * 403.
 */
final class RequestBodyTypeFilter extends OncePerRequestFilter {

	static final String STATEMENT_UPLOAD = "/api/reconciliations";

	static final List<MediaType> STATEMENT_TYPES = List.of(MediaType.parseMediaType("text/csv"),
			MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM);

	private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

	private final SecurityProblems problems;

	RequestBodyTypeFilter(SecurityProblems problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WITH_BODY.contains(request.getMethod()) || !path(request).startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean statement = path(request).equals(STATEMENT_UPLOAD) && request.getMethod().equals("POST");
		MediaType given = mediaType(request.getContentType());
		boolean accepted = given != null
				&& (statement ? STATEMENT_TYPES.stream().anyMatch(given::isCompatibleWith) : isJson(given));
		if (accepted) {
			chain.doFilter(request, response);
			return;
		}
		String expected = statement ? "text/csv (a CSV statement) or application/xml (a camt.053)" : "application/json";
		problems.send(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				request.getMethod() + " " + request.getRequestURI() + " takes Content-Type " + expected + ", not "
						+ (given == null ? "none" : given.getType() + "/" + given.getSubtype()));
	}

	private static boolean isJson(MediaType type) {
		return MediaType.APPLICATION_JSON.isCompatibleWith(type) || (type.getType().equals("application")
				&& type.getSubtype().endsWith("+json") && !type.isWildcardSubtype());
	}

	private static MediaType mediaType(String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			// A wildcard type says nothing about the body.
			return type.isWildcardType() || type.isWildcardSubtype() ? null : type;
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
