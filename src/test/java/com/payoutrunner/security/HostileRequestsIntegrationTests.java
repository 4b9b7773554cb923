package com.payoutrunner.security;

import static com.payoutrunner.support.ApiClient.basic;
import static com.payoutrunner.support.ApiClient.demo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * What a hostile page or client meets over real HTTP: cross-site state changes are
 * refused (403), simple cross-site bodies (no type, form posts, text/plain) are refused
 * (415), wrong passwords are rate-limited per address (429 with Retry-After), and a
 * remembered successful check never lets a wrong password in.
 */
class HostileRequestsIntegrationTests extends WebIntegrationTest {

	@Autowired
	MutableClock clock;

	/** The web context allows 3 wrong passwords a minute; seconds are counted here. */
	@BeforeEach
	void stopTheClock() {
		clock.stop();
	}

	@ParameterizedTest(name = "{0} {1} without Content-Type")
	@CsvSource({ "approver, /api/payouts/42/approve", "approver, /api/payouts/42/reject",
			"approver, /api/runs/42/approve", "operator, /api/payouts/42/cancel", "operator, /api/runs/42/stop",
			"operator, /api/schedules/daily-normal/pause", "approver, /api/reconciliations/42/confirm" })
	void aJsonEndpointRefusesABodyWithoutContentType(String user, String path) throws Exception {
		HttpResponse<String> response = api.send(api.request(path)
			.header("Authorization", demo(user))
			.POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"ok\"}")));

		api.assertProblem(response, 415, "unsupported-media-type");
		assertThat(detail(response)).contains("application/json");
	}

	@ParameterizedTest(name = "schedule pause as {0}")
	@ValueSource(strings = { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
			"text/plain; charset=utf-8", "*/*", "not a type" })
	void aSchedulePauseAsASimpleBrowserBodyIsRefused(String contentType) throws Exception {
		HttpResponse<String> response = api.send(api.request("/api/schedules/daily-normal/pause")
			.header("Authorization", demo("operator"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("comment=paused")));

		api.assertProblem(response, 415, "unsupported-media-type");
	}

	@ParameterizedTest(name = "statement upload as {0}")
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/json", "" })
	void aStatementUploadAsASimpleBrowserBodyIsRefused(String contentType) throws Exception {
		HttpRequest.Builder upload = api.request("/api/reconciliations")
			.header("Authorization", demo("operator"))
			.POST(HttpRequest.BodyPublishers.ofString("booking_date,amount\n"));
		if (!contentType.isEmpty()) {
			upload.header("Content-Type", contentType);
		}
		HttpResponse<String> response = api.send(upload);

		api.assertProblem(response, 415, "unsupported-media-type");
		assertThat(detail(response)).contains("text/csv", "application/xml");
	}

	@ParameterizedTest(name = "statement upload as {0} reaches the endpoint")
	@ValueSource(strings = { "text/csv", "application/xml", "text/xml", "application/octet-stream" })
	void aStatementUploadAsCsvOrXmlReachesTheEndpoint(String contentType) throws Exception {
		HttpResponse<String> response = api.send(api.request("/api/reconciliations")
			.header("Authorization", demo("operator"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("")));

		assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403, 415);
	}

	@Test
	void aJsonTypeWithACharsetIsJson() throws Exception {
		HttpResponse<String> response = api.send(api.request("/api/runs")
			.header("Authorization", demo("operator"))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString("{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}")));

		api.assertProblem(response, 404, "unknown-event");
	}

	@Test
	void aCallerWithoutTheRightLearnsNothingAboutTheBody() throws Exception {
		api.assertProblem(api.send(api.request("/api/payouts/42/approve").POST(HttpRequest.BodyPublishers.noBody())),
				401, "unauthenticated");
		api.assertProblem(api.send(api.request("/api/payouts/42/approve")
			.header("Authorization", demo("viewer"))
			.POST(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
	}

	@ParameterizedTest(name = "Origin {0}")
	@ValueSource(strings = { "https://evil.example", "http://127.0.0.1.evil.example", "null", "http://127.0.0.1",
			"https://127.0.0.1:{port}", "http://localhost:{port}" })
	void aStateChangeFromAnotherOriginIsRefused(String origin) throws Exception {
		HttpResponse<String> response = api
			.send(json("/api/payouts/42/approve", "{}").header("Authorization", demo("approver"))
				.header("Origin", origin.replace("{port}", Integer.toString(api.port()))));

		api.assertProblem(response, 403, "cross-site-request");
		assertThat(detail(response)).contains("Origin");
	}

	@ParameterizedTest(name = "Sec-Fetch-Site: cross-site on {0}")
	@ValueSource(strings = { "/api/payouts/42/approve", "/api/schedules/daily-normal/pause", "/api/runs" })
	void aStateChangeTheBrowserMarksCrossSiteIsRefused(String path) throws Exception {
		HttpResponse<String> response = api
			.send(json(path, "{}").header("Authorization", demo("admin")).header("Sec-Fetch-Site", "cross-site"));

		api.assertProblem(response, 403, "cross-site-request");
	}

	@Test
	void aCrossSiteRequestIsRefusedBeforeItsCredentialsAreChecked() throws Exception {
		HttpResponse<String> response = api
			.send(json("/api/runs", "{}").header("Authorization", basic("admin", "wrong"))
				.header("Origin", "https://evil.example"));

		api.assertProblem(response, 403, "cross-site-request");
	}

	@Test
	void theServersOwnOriginAndApiClientsWithoutOriginPass() throws Exception {
		String body = "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}";
		api.assertProblem(api.send(json("/api/runs", body).header("Authorization", demo("operator"))
			.header("Origin", "http://127.0.0.1:" + api.port())
			.header("Sec-Fetch-Site", "same-origin")), 404, "unknown-event");
		api.assertProblem(api.send(json("/api/runs", body).header("Authorization", demo("operator"))), 404,
				"unknown-event");
		// Reads change nothing: another origin may read (what it may see is CORS's
		// business, and none is allowed).
		assertThat(api
			.send(api.request("/api/runs")
				.header("Authorization", demo("viewer"))
				.header("Origin", "https://evil.example")
				.header("Sec-Fetch-Site", "cross-site")
				.GET())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedWrongPasswordsAreRateLimitedWithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			api.assertProblem(get("/api/runs", basic("operator", "guess-" + i)), 401, "unauthenticated");
		}

		HttpResponse<String> limited = get("/api/runs", basic("operator", "guess-3"));
		api.assertProblem(limited, 429, "too-many-failed-logins");
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
		// Even the right password waits: the address is guessing.
		api.assertProblem(get("/api/runs", demo("operator")), 429, "too-many-failed-logins");

		clock.advance(Duration.ofSeconds(45));
		assertThat(get("/api/runs", demo("operator")).headers().firstValue("Retry-After")).hasValue("15");
		clock.advance(Duration.ofSeconds(15));
		assertThat(get("/api/runs", demo("operator")).statusCode()).isEqualTo(200);
	}

	@Test
	void requestsWithoutCredentialsAreNotCountedNorLimited() throws Exception {
		for (int i = 0; i < 5; i++) {
			api.assertProblem(get("/api/runs", null), 401, "unauthenticated");
		}
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aRememberedCheckStillRejectsAWrongPassword() throws Exception {
		assertThat(get("/api/runs", demo("approver")).statusCode()).isEqualTo(200);
		assertThat(get("/api/runs", demo("approver")).statusCode()).isEqualTo(200);

		api.assertProblem(get("/api/runs", basic("approver", "approver-demo ")), 401, "unauthenticated");
		api.assertProblem(get("/api/runs", basic("approver", "operator-demo")), 401, "unauthenticated");
		// Remembered for the user it was checked for, with that user's roles only.
		api.assertProblem(api.send(json("/api/runs", "{}").header("Authorization", demo("approver"))), 403,
				"forbidden");
	}

	@Test
	void aRememberedCheckEndsWithItsPeriod() throws Exception {
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(61));
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		api.assertProblem(get("/api/runs", basic("viewer", "wrong")), 401, "unauthenticated");
	}

	private String detail(HttpResponse<String> response) {
		return api.json(response).path("detail").asString();
	}

	private HttpRequest.Builder json(String path, String body) {
		return api.request(path)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		return api.send("GET", path, authorization, null);
	}

}
