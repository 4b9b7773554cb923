package com.payoutrunner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.MutableClockConfiguration;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * What a hostile page or client meets over real HTTP: cross-site state changes are
 * refused (403), simple cross-site bodies (no type, form posts, text/plain) are refused
 * (415), wrong passwords are rate-limited per address (429 with Retry-After), and a
 * remembered successful check never lets a wrong password in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "spring.main.web-application-type=servlet", "payout.security.authentication.failed-attempts=3",
				"payout.security.authentication.failed-attempts-window=1m" })
@Import(MutableClockConfiguration.class)
class HostileRequestsIntegrationTests extends PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	MutableClock clock;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void forgetEarlierFailedLogins() {
		// Every test calls from 127.0.0.1: a new window for each.
		clock.advance(Duration.ofMinutes(2));
	}

	@ParameterizedTest(name = "{0} {1} without Content-Type")
	@CsvSource({ "approver, /api/payouts/42/approve", "approver, /api/payouts/42/reject",
			"approver, /api/runs/42/approve", "operator, /api/payouts/42/cancel", "operator, /api/runs/42/stop",
			"operator, /api/schedules/daily-normal/pause", "approver, /api/reconciliations/42/confirm" })
	void aJsonEndpointRefusesABodyWithoutContentType(String user, String path) throws Exception {
		HttpResponse<String> response = send(request(path).header("Authorization", demo(user))
			.POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"ok\"}")));

		assertProblem(response, 415, "unsupported-media-type");
		assertThat(detail(response)).contains("application/json");
	}

	@ParameterizedTest(name = "schedule pause as {0}")
	@ValueSource(strings = { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain",
			"text/plain; charset=utf-8", "*/*", "not a type" })
	void aSchedulePauseAsASimpleBrowserBodyIsRefused(String contentType) throws Exception {
		HttpResponse<String> response = send(
				request("/api/schedules/daily-normal/pause").header("Authorization", demo("operator"))
					.header("Content-Type", contentType)
					.POST(HttpRequest.BodyPublishers.ofString("comment=paused")));

		assertProblem(response, 415, "unsupported-media-type");
	}

	@ParameterizedTest(name = "statement upload as {0}")
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/json", "" })
	void aStatementUploadAsASimpleBrowserBodyIsRefused(String contentType) throws Exception {
		HttpRequest.Builder upload = request("/api/reconciliations").header("Authorization", demo("operator"))
			.POST(HttpRequest.BodyPublishers.ofString("booking_date,amount\n"));
		if (!contentType.isEmpty()) {
			upload.header("Content-Type", contentType);
		}
		HttpResponse<String> response = send(upload);

		assertProblem(response, 415, "unsupported-media-type");
		assertThat(detail(response)).contains("text/csv", "application/xml");
	}

	@ParameterizedTest(name = "statement upload as {0} reaches the endpoint")
	@ValueSource(strings = { "text/csv", "application/xml", "text/xml", "application/octet-stream" })
	void aStatementUploadAsCsvOrXmlReachesTheEndpoint(String contentType) throws Exception {
		HttpResponse<String> response = send(request("/api/reconciliations").header("Authorization", demo("operator"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString("")));

		assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403, 415);
	}

	@Test
	void aJsonTypeWithACharsetIsJson() throws Exception {
		HttpResponse<String> response = send(request("/api/runs").header("Authorization", demo("operator"))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString("{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}")));

		assertProblem(response, 404, "unknown-event");
	}

	@Test
	void aCallerWithoutTheRightLearnsNothingAboutTheBody() throws Exception {
		assertProblem(send(request("/api/payouts/42/approve").POST(HttpRequest.BodyPublishers.noBody())), 401,
				"unauthenticated");
		assertProblem(send(request("/api/payouts/42/approve").header("Authorization", demo("viewer"))
			.POST(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
	}

	@ParameterizedTest(name = "Origin {0}")
	@ValueSource(strings = { "https://evil.example", "http://127.0.0.1.evil.example", "null", "http://127.0.0.1",
			"https://127.0.0.1:{port}", "http://localhost:{port}" })
	void aStateChangeFromAnotherOriginIsRefused(String origin) throws Exception {
		HttpResponse<String> response = send(
				json("/api/payouts/42/approve", "{}").header("Authorization", demo("approver"))
					.header("Origin", origin.replace("{port}", Integer.toString(port))));

		assertProblem(response, 403, "cross-site-request");
		assertThat(detail(response)).contains("Origin");
	}

	@ParameterizedTest(name = "Sec-Fetch-Site: cross-site on {0}")
	@ValueSource(strings = { "/api/payouts/42/approve", "/api/schedules/daily-normal/pause", "/api/runs" })
	void aStateChangeTheBrowserMarksCrossSiteIsRefused(String path) throws Exception {
		HttpResponse<String> response = send(
				json(path, "{}").header("Authorization", demo("admin")).header("Sec-Fetch-Site", "cross-site"));

		assertProblem(response, 403, "cross-site-request");
	}

	@Test
	void aCrossSiteRequestIsRefusedBeforeItsCredentialsAreChecked() throws Exception {
		HttpResponse<String> response = send(json("/api/runs", "{}").header("Authorization", basic("admin", "wrong"))
			.header("Origin", "https://evil.example"));

		assertProblem(response, 403, "cross-site-request");
	}

	@Test
	void theServersOwnOriginAndApiClientsWithoutOriginPass() throws Exception {
		String body = "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}";
		assertProblem(send(json("/api/runs", body).header("Authorization", demo("operator"))
			.header("Origin", "http://127.0.0.1:" + port)
			.header("Sec-Fetch-Site", "same-origin")), 404, "unknown-event");
		assertProblem(send(json("/api/runs", body).header("Authorization", demo("operator"))), 404, "unknown-event");
		// Reads change nothing: another origin may read (what it may see is CORS's
		// business, and none is allowed).
		assertThat(send(request("/api/runs").header("Authorization", demo("viewer"))
			.header("Origin", "https://evil.example")
			.header("Sec-Fetch-Site", "cross-site")
			.GET()).statusCode()).isEqualTo(200);
	}

	@Test
	void repeatedWrongPasswordsAreRateLimitedWithRetryAfter() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertProblem(get("/api/runs", basic("operator", "guess-" + i)), 401, "unauthenticated");
		}

		HttpResponse<String> limited = get("/api/runs", basic("operator", "guess-3"));
		assertProblem(limited, 429, "too-many-failed-logins");
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
		// Even the right password waits: the address is guessing.
		assertProblem(get("/api/runs", demo("operator")), 429, "too-many-failed-logins");

		clock.advance(Duration.ofSeconds(45));
		assertThat(get("/api/runs", demo("operator")).headers().firstValue("Retry-After")).hasValue("15");
		clock.advance(Duration.ofSeconds(15));
		assertThat(get("/api/runs", demo("operator")).statusCode()).isEqualTo(200);
	}

	@Test
	void requestsWithoutCredentialsAreNotCountedNorLimited() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertProblem(get("/api/runs", null), 401, "unauthenticated");
		}
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	@Test
	void aRememberedCheckStillRejectsAWrongPassword() throws Exception {
		assertThat(get("/api/runs", demo("approver")).statusCode()).isEqualTo(200);
		assertThat(get("/api/runs", demo("approver")).statusCode()).isEqualTo(200);

		assertProblem(get("/api/runs", basic("approver", "approver-demo ")), 401, "unauthenticated");
		assertProblem(get("/api/runs", basic("approver", "operator-demo")), 401, "unauthenticated");
		// Remembered for the user it was checked for, with that user's roles only.
		assertProblem(send(json("/api/runs", "{}").header("Authorization", demo("approver"))), 403, "forbidden");
	}

	@Test
	void aRememberedCheckEndsWithItsPeriod() throws Exception {
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		clock.advance(Duration.ofSeconds(61));
		assertThat(get("/api/runs", demo("viewer")).statusCode()).isEqualTo(200);
		assertProblem(get("/api/runs", basic("viewer", "wrong")), 401, "unauthenticated");
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:payout-runner:problem:" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private String detail(HttpResponse<String> response) {
		return json.readTree(response.body()).path("detail").asString();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json");
	}

	private HttpRequest.Builder json(String path, String body) {
		return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder get = request(path).GET();
		if (authorization != null) {
			get.header("Authorization", authorization);
		}
		return send(get);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String demo(String user) {
		return basic(user, user + "-demo");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
