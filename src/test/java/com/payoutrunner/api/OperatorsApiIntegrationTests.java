package com.payoutrunner.api;

import static com.payoutrunner.support.ApiClient.demo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.schedule.ScheduleRegistrar;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * The operators' API over real HTTP: launching and following runs, reading skip reports
 * as CSV or JSON, refusing what cannot be done with RFC 9457 problems, schedules, health
 * and metrics. On the scheduled runs' database: a schedule's slot reads every event.
 * Requests authenticate as the demo operator of config/application.yaml (access control
 * itself is tested in the security package).
 */
class OperatorsApiIntegrationTests extends ScheduledRunsIntegrationTest {

	/** The demo operator of config/application.yaml: runs and schedules, and reading. */
	static final String OPERATOR = demo("operator");

	@Autowired
	ImportedEvents events;

	@Autowired
	ScheduleRegistrar registrar;

	String event;

	@BeforeEach
	void importSample() throws Exception {
		event = events.sample("API");
	}

	@Test
	void aRunLaunchedThroughTheApiIsFollowedToItsSkipReport() throws Exception {
		HttpResponse<String> launched = post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}");

		assertThat(launched.statusCode()).isEqualTo(202);
		String location = launched.headers().firstValue("Location").orElseThrow();
		JsonNode run = api.awaitRunEnd(location);
		assertThat(run.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("run").path("event").asString()).isEqualTo(event);
		assertThat(run.path("summary").path("created").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(run.path("skip_breakdown").path("invalid_method").asLong()).isEqualTo(1);
		assertThat(run.path("steps")).extracting(step -> step.path("name").asString())
			.containsExactly("buildBatchLinesStep", "awaitRunApprovalStep", "writeBankFilesStep",
					"submitBatchLinesStep", "writeSkipReportStep");
		assertThat(run.path("steps").get(0).path("read").asLong()).isEqualTo(SampleEvent.PAYOUTS);
		JsonNode partitions = run.path("steps").get(0).path("partitions");
		assertThat(partitions).extracting(partition -> partition.path("name").asString())
			.containsExactly("partition0", "partition1");
		assertThat(partitions).allSatisfy(partition -> {
			assertThat(partition.path("status").asString()).isEqualTo("COMPLETED");
			assertThat(partition.path("worker").asString()).endsWith(":" + ProcessHandle.current().pid());
		});
		assertThat(partitions.get(0).path("read").asLong() + partitions.get(1).path("read").asLong())
			.as("the step's count is its partitions'")
			.isEqualTo(SampleEvent.PAYOUTS);
		assertThat(run.path("steps").get(1).path("partitions")).isEmpty();

		HttpResponse<String> csv = get(location + "/skips", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.body().lines()).hasSize(1 + SampleEvent.INELIGIBLE)
			.first()
			.isEqualTo("payout_id,investor_id,category,reason,step,masked_account");
		JsonNode skips = api.json(get(location + "/skips", "application/json"));
		assertThat(skips).hasSize(SampleEvent.INELIGIBLE);
		assertThat(skips).extracting(skip -> skip.path("category").asString())
			.containsExactlyInAnyOrder("missing_external_account", "invalid_method", "missing_country");

		HttpResponse<String> again = post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(api.json(again).path("outcome").asString()).isEqualTo("already_completed");

		JsonNode listed = api.json(get("/api/runs?job=payoutRunJob&event=" + event, "application/json"));
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("id").asLong()).isEqualTo(run.path("run").path("id").asLong());
	}

	@Test
	void aDryRunPreviewsWithoutStartingAnything() throws Exception {
		HttpResponse<String> preview = post("/api/runs",
				"{\"liquidation_event_id\":\"" + event + "\",\"dry_run\":true}");

		assertThat(preview.statusCode()).isEqualTo(200);
		JsonNode summary = api.json(preview).path("summary");
		assertThat(summary.path("would_pay").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(api.json(get("/api/runs?job=payoutRunJob&event=" + event, "application/json"))).isEmpty();
	}

	@Test
	void whatCannotBeDoneIsAProblem() throws Exception {
		api.assertProblem(post("/api/runs", "{\"liquidation_event_id\":\"NO-SUCH-EVENT\"}"), 404, "unknown-event");
		api.assertProblem(
				post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\",\"schedule\":\"daily-normal\"}"), 400,
				"invalid-request");
		api.assertProblem(post("/api/runs", "{\"schedule\":\"no-such-schedule\"}"), 404, "unknown-schedule");
		api.assertProblem(get("/api/runs/987654321", "application/json"), 404, "unknown-run");
		api.assertProblem(get("/api/runs?status=finished", "application/json"), 400, "invalid-request");
		HttpResponse<String> malformed = post("/api/runs", "{not json");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

		JsonNode run = api.awaitRunEnd(post("/api/runs", "{\"liquidation_event_id\":\"" + event + "\"}").headers()
			.firstValue("Location")
			.orElseThrow());
		long id = run.path("run").path("id").asLong();
		api.assertProblem(post("/api/runs/" + id + "/stop", ""), 409, "run-not-running");
		api.assertProblem(post("/api/runs/" + id + "/restart", ""), 409, "not-restartable");
		api.assertProblem(post("/api/runs/" + id + "/abandon", ""), 409, "not-abandonable");
	}

	@Test
	void schedulesAreListedPausedResumedAndRunNow() throws Exception {
		registrar.register();

		JsonNode schedules = api.json(get("/api/schedules", "application/json"));
		assertThat(schedules).extracting(schedule -> schedule.path("name").asString())
			.contains("asap-instant", "daily-priority", "daily-normal", "weekly-low", "monthly-ops");
		assertThat(schedules.get(0).path("next_fires")).hasSize(5);

		JsonNode paused = api.json(post("/api/schedules/weekly-low/pause", ""));
		assertThat(paused.path("state").asString()).isEqualTo("paused");
		JsonNode resumed = api.json(post("/api/schedules/weekly-low/resume", ""));
		assertThat(resumed.path("state").asString()).isEqualTo("normal");
		api.assertProblem(post("/api/schedules/nope/pause", ""), 404, "unknown-schedule");

		HttpResponse<String> triggered = post("/api/schedules/monthly-ops/trigger", "");
		assertThat(triggered.statusCode()).isIn(200, 202);
		if (triggered.statusCode() == 202) {
			api.awaitRunEnd(triggered.headers().firstValue("Location").orElseThrow());
		}
		HttpResponse<String> again = post("/api/schedules/monthly-ops/trigger", "");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(api.json(again).path("message").asString()).contains("already done");
	}

	@Test
	void healthAndMetricsAreExposed() throws Exception {
		HttpResponse<String> health = get("/actuator/health", "application/json");

		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode components = api.json(health).path("components");
		assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
		assertThat(components.path("scheduler").path("status").asString()).isEqualTo("UP");
		assertThat(components.path("scheduler").path("details").path("clustered").asBoolean()).isTrue();
		assertThat(get("/actuator/metrics/payouts", "application/json").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics/payout.dead_letter.depth", "application/json").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return api.send("POST", path, OPERATOR, body);
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		return api.send(api.request(path).setHeader("Accept", accept).header("Authorization", OPERATOR).GET());
	}

}
