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
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.schedule.ScheduleRegistrar;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * The operators' API over real HTTP: launching and following runs, reading skip reports
 * as CSV or JSON, refusing what cannot be done with RFC 9457 problems, schedules, health
 * and metrics. On the schedules database: a schedule's slot reads every event. Requests
 * authenticate as the demo operator of config/application.yaml (access control itself is
 * tested in the security package).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.main.web-application-type=servlet",
		"spring.datasource.url=" + PostgresIntegrationTest.SCHEDULES_DATABASE_URL,
		"payout.reports-dir=target/test-reports-schedules" })
class OperatorsApiIntegrationTests extends PostgresIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	ScheduleRegistrar registrar;

	@Autowired
	JsonMapper json;

	/** The demo operator of config/application.yaml: runs and schedules, and reading. */
	static final String OPERATOR = "Basic "
			+ Base64.getEncoder().encodeToString("operator:operator-demo".getBytes(StandardCharsets.UTF_8));

	final HttpClient http = HttpClient.newHttpClient();

	String event;

	@BeforeEach
	void importSample() throws Exception {
		event = TestEvents.unique("API");
		imports.importFile(event, SampleEvent.FILE);
	}

	@Test
	void aRunLaunchedThroughTheApiIsFollowedToItsSkipReport() throws Exception {
		HttpResponse<String> launched = post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}");

		assertThat(launched.statusCode()).isEqualTo(202);
		String location = launched.headers().firstValue("Location").orElseThrow();
		JsonNode run = awaitEnd(location);
		assertThat(run.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("run").path("event").asString()).isEqualTo(event);
		assertThat(run.path("summary").path("created").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(run.path("skip_breakdown").path("invalid_method").asLong()).isEqualTo(1);
		assertThat(run.path("steps")).extracting(step -> step.path("name").asString())
			.containsExactly("buildBatchLinesStep", "awaitRunApprovalStep", "writeBankFilesStep",
					"submitBatchLinesStep", "writeSkipReportStep");
		assertThat(run.path("steps").get(0).path("read").asLong()).isEqualTo(SampleEvent.PAYOUTS);

		HttpResponse<String> csv = get(location + "/skips", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body().lines()).hasSize(1 + SampleEvent.INELIGIBLE)
			.first()
			.isEqualTo("payout_id,investor_id,category,reason,step,masked_account");
		JsonNode skips = json.readTree(get(location + "/skips", "application/json").body());
		assertThat(skips).hasSize(SampleEvent.INELIGIBLE);
		assertThat(skips).extracting(skip -> skip.path("category").asString())
			.containsExactlyInAnyOrder("missing_external_account", "invalid_method", "missing_country");

		HttpResponse<String> again = post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("outcome").asString()).isEqualTo("already_completed");

		JsonNode listed = json.readTree(get("/api/runs?job=payoutRunJob&event=" + event, "application/json").body());
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asLong()).isEqualTo(run.path("run").path("id").asLong());
	}

	@Test
	void aDryRunPreviewsWithoutStartingAnything() throws Exception {
		HttpResponse<String> preview = post("/api/runs",
				"{\"liquidation_event_id\":\"" + event + "\",\"dry_run\":true}");

		assertThat(preview.statusCode()).isEqualTo(200);
		JsonNode summary = json.readTree(preview.body()).path("summary");
		assertThat(summary.path("would_pay").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(json.readTree(get("/api/runs?job=payoutRunJob&event=" + event, "application/json").body()))
			.isEmpty();
	}

	@Test
	void whatCannotBeDoneIsAProblem() throws Exception {
		assertProblem(post("/api/runs", "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}"), 404, "unknown-event");
		assertProblem(post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\",\"schedule\":\"daily-normal\"}"),
				400, "invalid-request");
		assertProblem(post("/api/runs", "{\"schedule\":\"no-such-schedule\"}"), 404, "unknown-schedule");
		assertProblem(get("/api/runs/987654321", "application/json"), 404, "unknown-run");
		assertProblem(get("/api/runs?status=finished", "application/json"), 400, "invalid-request");
		HttpResponse<String> malformed = post("/api/runs", "{not json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		JsonNode run = awaitEnd(post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}").headers()
			.firstValue("Location")
			.orElseThrow());
		long id = run.path("run").path("id").asLong();
		assertProblem(post("/api/runs/" + id + "/stop", ""), 409, "run-not-running");
		assertProblem(post("/api/runs/" + id + "/restart", ""), 409, "not-restartable");
		assertProblem(post("/api/runs/" + id + "/abandon", ""), 409, "not-abandonable");
	}

	@Test
	void schedulesAreListedPausedResumedAndRunNow() throws Exception {
		registrar.register();

		JsonNode schedules = json.readTree(get("/api/schedules", "application/json").body());
		assertThat(schedules).extracting(schedule -> schedule.path("name").asString())
			.contains("asap-instant", "daily-priority", "daily-normal", "weekly-low", "monthly-ops");
		assertThat(schedules.get(0).path("next_fires")).hasSize(5);

		JsonNode paused = json.readTree(post("/api/schedules/weekly-low/pause", "").body());
		assertThat(paused.path("state").asString()).isEqualTo("paused");
		JsonNode resumed = json.readTree(post("/api/schedules/weekly-low/resume", "").body());
		assertThat(resumed.path("state").asString()).isEqualTo("normal");
		assertProblem(post("/api/schedules/nope/pause", ""), 404, "unknown-schedule");

		HttpResponse<String> triggered = post("/api/schedules/monthly-ops/trigger", "");
		assertThat(triggered.statusCode()).isIn(200, 202);
		if (triggered.statusCode() == 202) {
			awaitEnd(triggered.headers().firstValue("Location").orElseThrow());
		}
		HttpResponse<String> again = post("/api/schedules/monthly-ops/trigger", "");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(json.readTree(again.body()).path("message").asString()).contains("already done");
	}

	@Test
	void healthAndMetricsAreExposed() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "application/json");

		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode components = json.readTree(health.body()).path("components");
		assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
		assertThat(components.path("scheduler").path("status").asString()).isEqualTo("UP");
		assertThat(components.path("scheduler").path("details").path("clustered").asBoolean()).isTrue();
		assertThat(get("/actuator/metrics/payouts", "application/json").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics/payout.dead_letter.depth", "application/json").statusCode()).isEqualTo(200);
	}

	private void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("urn:payout-runner:problem:" + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}

	private JsonNode awaitEnd(String location) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (true) {
			JsonNode run = json.readTree(get(location, "application/json").body());
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

	private HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Authorization", OPERATOR)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(path))
			.header("Accept", accept)
			.header("Authorization", OPERATOR)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
