package com.payoutrunner.security;

import static com.payoutrunner.support.ApiClient.basic;
import static com.payoutrunner.support.ApiClient.demo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.support.WebIntegrationTest;

/**
 * Who may do what, over real HTTP with the demo users of config/application.yaml: no or
 * wrong credentials are a 401 problem with a Basic challenge, a role that may not act a
 * 403 problem, and an allowed request reaches the API (whatever the API then answers).
 */
class AccessControlIntegrationTests extends WebIntegrationTest {

	static final String NO_SUCH_EVENT = "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}";

	@Test
	void noCredentialsIsAnUnauthenticatedProblemWithABasicChallenge() throws Exception {
		HttpResponse<String> response = api.send("GET", "/api/runs", null, null);

		api.assertProblem(response, 401, "unauthenticated");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"payout-runner\"");
		assertThat(response.body()).as("as every problem: the correlation id of its log lines")
			.contains("\"correlation_id\":\"" + response.headers().firstValue("X-Correlation-Id").orElseThrow() + "\"")
			.contains("\"title\":\"unauthenticated\"");
		api.assertProblem(api.send("POST", "/api/runs", null, NO_SUCH_EVENT), 401, "unauthenticated");
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsUnauthenticated() throws Exception {
		HttpResponse<String> wrong = api.send("GET", "/api/runs", basic("operator", "viewer-demo"), null);
		api.assertProblem(wrong, 401, "unauthenticated");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"payout-runner\"");
		api.assertProblem(api.send("GET", "/api/runs", basic("mallory", "operator-demo"), null), 401,
				"unauthenticated");
		api.assertProblem(api.send("GET", "/api/runs", "Basic not-base64!", null), 401, "unauthenticated");
	}

	@Test
	void everyRoleReads() throws Exception {
		for (String user : new String[] { "viewer", "operator", "approver", "admin" }) {
			assertThat(api.send("GET", "/api/runs", demo(user), null).statusCode()).as(user).isEqualTo(200);
			assertThat(api.send("GET", "/api/schedules", demo(user), null).statusCode()).as(user).isEqualTo(200);
		}
	}

	@Test
	void onlyOperatorsAndAdminsLaunchRuns() throws Exception {
		HttpResponse<String> viewer = api.send("POST", "/api/runs", demo("viewer"), NO_SUCH_EVENT);
		api.assertProblem(viewer, 403, "forbidden");
		assertThat(api.json(viewer).path("detail").asString()).contains("viewer", "POST /api/runs");
		api.assertProblem(api.send("POST", "/api/runs", demo("approver"), NO_SUCH_EVENT), 403, "forbidden");
		api.assertProblem(api.send("POST", "/api/schedules/daily-normal/pause", demo("viewer"), ""), 403, "forbidden");
		api.assertProblem(api.send("POST", "/api/runs/1/stop", demo("approver"), ""), 403, "forbidden");

		// Let through: the API itself answers that the event does not exist.
		api.assertProblem(api.send("POST", "/api/runs", demo("operator"), NO_SUCH_EVENT), 404, "unknown-event");
		api.assertProblem(api.send("POST", "/api/runs", demo("admin"), NO_SUCH_EVENT), 404, "unknown-event");
		api.assertProblem(api.send("POST", "/api/runs/987654321/stop", demo("operator"), ""), 404, "unknown-run");
	}

	@Test
	void payoutDecisionsAndRoutingRulesHaveTheirOwnRoles() throws Exception {
		// Past access control, a request meets the endpoint's own answer (not 401 or
		// 403).
		api.assertProblem(api.send("POST", "/api/payouts/42/approve", demo("operator"), ""), 403, "forbidden");
		assertThat(api.send("POST", "/api/payouts/42/approve", demo("approver"), "").statusCode()).isNotIn(401, 403);
		assertThat(api.send("POST", "/api/payouts/42/reject", demo("admin"), "").statusCode()).isNotIn(401, 403);
		api.assertProblem(api.send("POST", "/api/payouts/42/cancel", demo("approver"), ""), 403, "forbidden");
		assertThat(api.send("POST", "/api/payouts/42/cancel", demo("operator"), "").statusCode()).isNotIn(401, 403);
		assertThat(api.send("POST", "/api/payouts", demo("operator"), "{}").statusCode()).isNotIn(401, 403);

		api.assertProblem(api.send("POST", "/api/routing-rules", demo("operator"), "{}"), 403, "forbidden");
		api.assertProblem(api.send("DELETE", "/api/routing-rules/1", demo("approver"), null), 403, "forbidden");
		assertThat(api.send("GET", "/api/routing-rules", demo("viewer"), null).statusCode()).isNotIn(401, 403);
		assertThat(api.send("POST", "/api/routing-rules", demo("admin"), "{}").statusCode()).isNotIn(401, 403);
		api.assertProblem(api.send("DELETE", "/api/runs/1", demo("operator"), null), 403, "forbidden");
	}

	@Test
	void healthIsOpenWithDetailsForUsersOnlyAndTheRestOfActuatorNeedsAUser() throws Exception {
		HttpResponse<String> open = api.send("GET", "/actuator/health", null, null);
		assertThat(open.statusCode()).isEqualTo(200);
		JsonNode anonymous = api.json(open);
		assertThat(anonymous.path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();

		JsonNode authenticated = api.json(api.send("GET", "/actuator/health", demo("viewer"), null));
		assertThat(authenticated.path("components").path("db").path("status").asString()).isEqualTo("UP");

		api.assertProblem(api.send("GET", "/actuator/metrics", null, null), 401, "unauthenticated");
		assertThat(api.send("GET", "/actuator/metrics", demo("viewer"), null).statusCode()).isEqualTo(200);
	}

	@Test
	void noSessionIsKept() throws Exception {
		HttpResponse<String> response = api.send("GET", "/api/runs", demo("viewer"), null);

		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

}
