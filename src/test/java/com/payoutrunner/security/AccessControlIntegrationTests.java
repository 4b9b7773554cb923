package com.payoutrunner.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * Who may do what, over real HTTP with the demo users of config/application.yaml: no or
 * wrong credentials are a 401 problem with a Basic challenge, a role that may not act a
 * 403 problem, and an allowed request reaches the API (whatever the API then answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.main.web-application-type=servlet" })
class AccessControlIntegrationTests extends PostgresIntegrationTest {

	static final String NO_SUCH_EVENT = "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void noCredentialsIsAnUnauthenticatedProblemWithABasicChallenge() throws Exception {
		HttpResponse<String> response = send("GET", "/api/runs", null, null);

		assertProblem(response, 401, "unauthenticated");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"payout-runner\"");
		assertThat(response.body()).as("as every problem: the correlation id of its log lines")
			.contains("\"correlation_id\":\"" + response.headers().firstValue("X-Correlation-Id").orElseThrow() + "\"")
			.contains("\"title\":\"unauthenticated\"");
		assertProblem(send("POST", "/api/runs", null, NO_SUCH_EVENT), 401, "unauthenticated");
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsUnauthenticated() throws Exception {
		HttpResponse<String> wrong = send("GET", "/api/runs", basic("operator", "viewer-demo"), null);
		assertProblem(wrong, 401, "unauthenticated");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"payout-runner\"");
		assertProblem(send("GET", "/api/runs", basic("mallory", "operator-demo"), null), 401, "unauthenticated");
		assertProblem(send("GET", "/api/runs", "Basic not-base64!", null), 401, "unauthenticated");
	}

	@Test
	void everyRoleReads() throws Exception {
		for (String user : new String[] { "viewer", "operator", "approver", "admin" }) {
			assertThat(send("GET", "/api/runs", demo(user), null).statusCode()).as(user).isEqualTo(200);
			assertThat(send("GET", "/api/schedules", demo(user), null).statusCode()).as(user).isEqualTo(200);
		}
	}

	@Test
	void onlyOperatorsAndAdminsLaunchRuns() throws Exception {
		HttpResponse<String> viewer = send("POST", "/api/runs", demo("viewer"), NO_SUCH_EVENT);
		assertProblem(viewer, 403, "forbidden");
		assertThat(json.readTree(viewer.body()).path("detail").asString()).contains("viewer", "POST /api/runs");
		assertProblem(send("POST", "/api/runs", demo("approver"), NO_SUCH_EVENT), 403, "forbidden");
		assertProblem(send("POST", "/api/schedules/daily-normal/pause", demo("viewer"), ""), 403, "forbidden");
		assertProblem(send("POST", "/api/runs/1/stop", demo("approver"), ""), 403, "forbidden");

		// Let through: the API itself answers that the event does not exist.
		assertProblem(send("POST", "/api/runs", demo("operator"), NO_SUCH_EVENT), 404, "unknown-event");
		assertProblem(send("POST", "/api/runs", demo("admin"), NO_SUCH_EVENT), 404, "unknown-event");
		assertProblem(send("POST", "/api/runs/987654321/stop", demo("operator"), ""), 404, "unknown-run");
	}

	@Test
	void payoutDecisionsAndRoutingRulesHaveTheirOwnRoles() throws Exception {
		// Past access control, a request meets the endpoint's own answer (not 401 or
		// 403).
		assertProblem(send("POST", "/api/payouts/42/approve", demo("operator"), ""), 403, "forbidden");
		assertThat(send("POST", "/api/payouts/42/approve", demo("approver"), "").statusCode()).isNotIn(401, 403);
		assertThat(send("POST", "/api/payouts/42/reject", demo("admin"), "").statusCode()).isNotIn(401, 403);
		assertProblem(send("POST", "/api/payouts/42/cancel", demo("approver"), ""), 403, "forbidden");
		assertThat(send("POST", "/api/payouts/42/cancel", demo("operator"), "").statusCode()).isNotIn(401, 403);
		assertThat(send("POST", "/api/payouts", demo("operator"), "{}").statusCode()).isNotIn(401, 403);

		assertProblem(send("POST", "/api/routing-rules", demo("operator"), "{}"), 403, "forbidden");
		assertProblem(send("DELETE", "/api/routing-rules/1", demo("approver"), null), 403, "forbidden");
		assertThat(send("GET", "/api/routing-rules", demo("viewer"), null).statusCode()).isNotIn(401, 403);
		assertThat(send("POST", "/api/routing-rules", demo("admin"), "{}").statusCode()).isNotIn(401, 403);
		assertProblem(send("DELETE", "/api/runs/1", demo("operator"), null), 403, "forbidden");
	}

	@Test
	void healthIsOpenWithDetailsForUsersOnlyAndTheRestOfActuatorNeedsAUser() throws Exception {
		HttpResponse<String> open = send("GET", "/actuator/health", null, null);
		assertThat(open.statusCode()).isEqualTo(200);
		JsonNode anonymous = json.readTree(open.body());
		assertThat(anonymous.path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();

		JsonNode authenticated = json.readTree(send("GET", "/actuator/health", demo("viewer"), null).body());
		assertThat(authenticated.path("components").path("db").path("status").asString()).isEqualTo("UP");

		assertProblem(send("GET", "/actuator/metrics", null, null), 401, "unauthenticated");
		assertThat(send("GET", "/actuator/metrics", demo("viewer"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void noSessionIsKept() throws Exception {
		HttpResponse<String> response = send("GET", "/api/runs", demo("viewer"), null);

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:payout-runner:problem:" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String demo(String user) {
		return basic(user, user + "-demo");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
