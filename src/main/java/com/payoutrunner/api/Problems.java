package com.payoutrunner.api;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problems with one stable type per domain error. */
final class Problems {

	static final String TYPE_PREFIX = "urn:payout-runner:problem:";

	private Problems() {
	}

	static ErrorResponseException of(HttpStatus status, String type, String detail) {
		return new ErrorResponseException(status, detail(status, type, detail), null);
	}

	/**
	 * 400 {@code invalid-request} naming the bad field, in the {@code errors} shape of an
	 * invalid payout ({@code field}, {@code message}).
	 */
	static ErrorResponseException invalidField(String field, String message) {
		ProblemDetail problem = detail(HttpStatus.BAD_REQUEST, "invalid-request", field + ": " + message);
		problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", field, "message", message)));
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	static ProblemDetail detail(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(type.replace('-', ' '));
		return problem;
	}

}
