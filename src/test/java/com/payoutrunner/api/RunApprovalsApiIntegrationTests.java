package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * Run approvals over HTTP: a run launched over the ceiling waits with its totals; only
 * approvers (and admins) decide, never the launcher, never twice; the second approval
 * resumes the run; refusals are RFC 9457 problems.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "spring.main.web-application-type=servlet", "payout.approvals.run-ceiling=USD 1000" })
class RunApprovalsApiIntegrationTests extends PostgresIntegrationTest {

	static final String VIEWER = basic("viewer:viewer-demo");

	static final String OPERATOR = basic("operator:operator-demo");

	static final String APPROVER = basic("approver:approver-demo");

	static final String ADMIN = basic("admin:admin-demo");

	@LocalServerPort
	int port;

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	String event;

	@BeforeEach
	void importSample() throws Exception {
		event = TestEvents.unique("API-RA");
		imports.importFile(event, SampleEvent.FILE);
	}

	@Test
	void aRunOverTheCeilingWaitsUntilTwoApproversOtherThanItsLauncherApprove() throws Exception {
		String location = launch(OPERATOR);
		JsonNode waiting = awaitEnd(location);
		long id = waiting.path("run").path("id").asLong();

		assertThat(waiting.path("run").path("status").asString()).isEqualTo("STOPPED");
		assertThat(waiting.path("run").path("exit_code").asString()).isEqualTo("AWAITING_APPROVAL");
		assertThat(waiting.path("summary").path("status").asString()).isEqualTo("AWAITING_APPROVAL");
		JsonNode approval = waiting.path("approval");
		assertThat(approval.path("status").asString()).isEqualTo("awaiting");
		assertThat(approval.path("launched_by").asString()).isEqualTo("operator");
		assertThat(approval.path("ceiling").asString()).isEqualTo("USD 1,000.00");
		assertThat(approval.path("totals").path("payouts").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(approval.path("totals").path("groups").size()).isPositive();
		JsonNode listed = json.readTree(send("GET", "/api/runs/approvals", VIEWER, null).body());
		assertThat(listed).extracting(request -> request.path("id").asLong()).contains(id);

		String approve = "/api/runs/" + id + "/approve";
		assertThat(send("POST", approve, null, "{}").statusCode()).isEqualTo(401);
		assertProblem(send("POST", approve, VIEWER, "{}"), 403, "forbidden");
		assertProblem(send("POST", approve, OPERATOR, "{}"), 403, "forbidden");
		assertProblem(send("POST", "/api/runs/" + id + "/reject", OPERATOR, "{}"), 403, "forbidden");
		assertProblem(send("POST", "/api/runs/" + id + "/abandon", OPERATOR, "{}"), 409, "not-abandonable");

		HttpResponse<String> first = send("POST", approve, APPROVER, "{\"comment\": \"totals checked\"}");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(json.readTree(first.body()).path("approvals").asLong()).isOne();
		assertProblem(send("POST", approve, APPROVER, "{}"), 409, "run-approval-refused");
		assertThat(new PayoutQueries(jdbc).bankOrders(event)).isZero();

		HttpResponse<String> second = send("POST", approve, ADMIN, "{\"comment\": \"ok\"}");
		assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
		JsonNode resumed = awaitEnd(second.headers().firstValue("Location").orElseThrow());
		assertThat(resumed.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(resumed.path("approval").path("status").asString()).isEqualTo("approved");
		assertThat(resumed.path("summary").path("created").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(new PayoutQueries(jdbc).bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
	}

	@Test
	void theLauncherCannotApproveAndARejectionIsFinal() throws Exception {
		long id = awaitEnd(launch(ADMIN)).path("run").path("id").asLong();

		assertProblem(send("POST", "/api/runs/" + id + "/approve", ADMIN, "{}"), 409, "run-approval-refused");
		HttpResponse<String> rejected = send("POST", "/api/runs/" + id + "/reject", APPROVER,
				"{\"comment\": \"not this event\"}");
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(json.readTree(rejected.body()).path("status").asString()).isEqualTo("rejected");
		assertProblem(send("POST", "/api/runs/" + id + "/approve", APPROVER, "{}"), 409, "run-approval-refused");
		assertProblem(send("POST", "/api/runs/" + id + "/restart", OPERATOR, "{}"), 409, "not-restartable");
		JsonNode run = json.readTree(send("GET", "/api/runs/" + id, VIEWER, null).body());
		assertThat(run.path("run").path("status").asString()).isEqualTo("ABANDONED");
		assertThat(run.path("run").path("exit_code").asString()).isEqualTo("REJECTED");
		assertThat(new PayoutQueries(jdbc).bankOrders(event)).isZero();
		assertProblem(send("POST", "/api/runs/999999/approve", APPROVER, "{}"), 404, "no-run-approval-request");
	}

	private String launch(String user) throws Exception {
		HttpResponse<String> launched = send("POST", "/api/runs", user, "{\"liquidation_event_id\":\"" + event + "\"}");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
		return launched.headers().firstValue("Location").orElseThrow();
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json.readTree(response.body()).path("type").asString())
			.isEqualTo("urn:payout-runner:problem:" + type);
	}

	private JsonNode awaitEnd(String location) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode run = json.readTree(send("GET", location, VIEWER, null).body());
			String status = run.path("run").path("status").asString();
			if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
				return run;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("run " + location + " still " + status);
			}
			Thread.sleep(200);
		}
	}

	private HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

}
