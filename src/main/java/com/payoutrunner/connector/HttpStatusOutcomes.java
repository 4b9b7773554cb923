package com.payoutrunner.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.payoutrunner.connector.SubmissionOutcome.Status;

/**
 * How the HTTP status of a whole bulk request maps to the outcome of each of its orders.
 * A 2xx carries the bank's answer per order (empty here). A refusal of the whole request
 * (429, 503, and the 4xx that refuse a request as such) means nothing was processed:
 * FAILED, safe to send again. A gateway error, 408, 409 (the same key in progress) or any
 * other status may come after the bank processed the request: UNKNOWN.
 */
final class HttpStatusOutcomes {

	/** The outcome of every order of the request, with the failure category. */
	public record Mapping(Status status, String reasonCode) {
	}

	private HttpStatusOutcomes() {
	}

	public static Optional<Mapping> forStatus(int code) {
		if (code >= 200 && code < 300) {
			return Optional.empty();
		}
		return Optional.of(switch (code) {
			case 429 -> new Mapping(Status.FAILED, "rate_limited");
			case 503 -> new Mapping(Status.FAILED, "bank_unavailable");
			case 502 -> new Mapping(Status.UNKNOWN, "bad_gateway");
			case 504 -> new Mapping(Status.UNKNOWN, "timeout");
			// A refusal of the request as such: nothing was processed.
			case 400, 401, 403, 404, 405, 406, 411, 413, 414, 415, 422 -> new Mapping(Status.FAILED, "request_refused");
			// 408, 409 (the same key in progress), any other status: it may have been
			// processed.
			default -> new Mapping(Status.UNKNOWN, "bank_error");
		});
	}

	/**
	 * The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP date. Null
	 * when absent or unreadable.
	 */
	public static Duration retryAfter(String header, Clock clock) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		if (value.matches("\\d{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(value));
		}
		try {
			Duration wait = Duration.between(clock.instant(),
					ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
