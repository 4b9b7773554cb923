package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.payoutrunner.connector.SubmissionOutcome.Status;

class HttpStatusOutcomesTests {

	@ParameterizedTest(name = "HTTP {0} -> {1} {2}")
	@CsvSource({ "429, FAILED, rate_limited", "503, FAILED, bank_unavailable", "400, FAILED, request_refused",
			"401, FAILED, request_refused", "404, FAILED, request_refused", "413, FAILED, request_refused",
			"502, UNKNOWN, bad_gateway", "504, UNKNOWN, timeout", "500, UNKNOWN, bank_error",
			"301, UNKNOWN, bank_error", "408, UNKNOWN, bank_error", "409, UNKNOWN, bank_error" })
	void aRefusedRequestIsFailedAndAnAmbiguousOneUnknown(int code, Status status, String reasonCode) {
		assertThat(HttpStatusOutcomes.forStatus(code)).hasValue(new HttpStatusOutcomes.Mapping(status, reasonCode));
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 201, 207 })
	void aSuccessfulRequestCarriesTheAnswerPerOrder(int code) {
		assertThat(HttpStatusOutcomes.forStatus(code)).isEmpty();
	}

	@Test
	void retryAfterReadsSecondsAndHttpDates() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

		assertThat(HttpStatusOutcomes.retryAfter("7", clock)).isEqualTo(Duration.ofSeconds(7));
		assertThat(HttpStatusOutcomes.retryAfter("Sat, 21 Nov 2026 10:00:30 GMT", clock))
			.isEqualTo(Duration.ofSeconds(30));
		assertThat(HttpStatusOutcomes.retryAfter("Sat, 21 Nov 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
		assertThat(HttpStatusOutcomes.retryAfter("soon", clock)).isNull();
		assertThat(HttpStatusOutcomes.retryAfter(null, clock)).isNull();
	}

}
