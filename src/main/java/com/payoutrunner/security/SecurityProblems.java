package com.payoutrunner.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 (and the filters' 403, 415, 429) as RFC 9457 problems, the same shape and type
 * namespace as the API's other errors ({@code urn:payout-runner:problem:*}), written by
 * the filter chain before any controller is reached. A 401 says how to authenticate
 * ({@code WWW-Authenticate: Basic}); neither says whether the user exists.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "payout-runner";

	static final String TYPE_PREFIX = "urn:payout-runner:problem:";

	private final JsonMapper json;

	SecurityProblems(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
		send(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
				"this request needs a user name and password (HTTP Basic); none were given or they are wrong");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String user = request.getUserPrincipal() == null ? "this user" : "user " + request.getUserPrincipal().getName();
		send(request, response, HttpStatus.FORBIDDEN, "forbidden", user + " may not " + request.getMethod() + " "
				+ request.getRequestURI() + "; the roles that may are listed in docs/security.md");
	}

	/** A problem written by a filter, before any controller is reached. */
	void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String detail)
			throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", TYPE_PREFIX + type);
		// Titles as the API's other problems: the type in words.
		problem.put("title", type.replace('-', ' '));
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		// The request's correlation id (set by the API's first filter), as every problem
		// carries it.
		String correlationId = org.slf4j.MDC.get("correlation_id");
		if (correlationId != null) {
			problem.put("correlation_id", correlationId);
		}
		response.setStatus(status.value());
		// As the API's other problems: no charset parameter, the body UTF-8 (JSON's only
		// encoding).
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

}
