package com.payoutrunner.api;

import static com.payoutrunner.support.ApiClient.demo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestRunCeiling;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Run approvals over HTTP: a run launched over the ceiling waits with its totals; only
 * approvers (and admins) decide, never the launcher, never twice; the second approval
 * resumes the run; refusals are RFC 9457 problems.
 */
class RunApprovalsApiIntegrationTests extends WebIntegrationTest {

	static final String VIEWER = demo("viewer");

	static final String OPERATOR = demo("operator");

	static final String APPROVER = demo("approver");

	static final String ADMIN = demo("admin");

	@Autowired
	TestRunCeiling ceiling;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutQueries db;

	String event;

	@BeforeEach
	void importSampleUnderACeilingOfUsd1000() throws Exception {
		ceiling.set("USD 1000");
		event = events.sample("API-RA");
	}

	@Test
	void aRunOverTheCeilingWaitsUntilTwoApproversOtherThanItsLauncherApprove() throws Exception {
		String location = launch(OPERATOR);
		JsonNode waiting = api.awaitRunEnd(location);
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
		JsonNode listed = api.json(api.send("GET", "/api/runs/approvals", VIEWER, null));
		assertThat(listed).extracting(request -> request.path("id").asLong()).contains(id);

		String approve = "/api/runs/" + id + "/approve";
		assertThat(api.send("POST", approve, null, "{}").statusCode()).isEqualTo(401);
		api.assertProblem(api.send("POST", approve, VIEWER, "{}"), 403, "forbidden");
		api.assertProblem(api.send("POST", approve, OPERATOR, "{}"), 403, "forbidden");
		api.assertProblem(api.send("POST", "/api/runs/" + id + "/reject", OPERATOR, "{}"), 403, "forbidden");
		api.assertProblem(api.send("POST", "/api/runs/" + id + "/abandon", OPERATOR, "{}"), 409, "not-abandonable");

		HttpResponse<String> first = api.send("POST", approve, APPROVER, "{\"comment\": \"totals checked\"}");
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(api.json(first).path("approvals").asLong()).isOne();
		api.assertProblem(api.send("POST", approve, APPROVER, "{}"), 409, "run-approval-refused");
		assertThat(db.bankOrders(event)).isZero();

		HttpResponse<String> second = api.send("POST", approve, ADMIN, "{\"comment\": \"ok\"}");
		assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
		JsonNode resumed = api.awaitRunEnd(second.headers().firstValue("Location").orElseThrow());
		assertThat(resumed.path("run").path("status").asString()).isEqualTo("COMPLETED");
		assertThat(resumed.path("approval").path("status").asString()).isEqualTo("approved");
		assertThat(resumed.path("summary").path("created").asLong()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
	}

	@Test
	void theLauncherCannotApproveAndARejectionIsFinal() throws Exception {
		long id = api.awaitRunEnd(launch(ADMIN)).path("run").path("id").asLong();

		api.assertProblem(api.send("POST", "/api/runs/" + id + "/approve", ADMIN, "{}"), 409, "run-approval-refused");
		HttpResponse<String> rejected = api.send("POST", "/api/runs/" + id + "/reject", APPROVER,
				"{\"comment\": \"not this event\"}");
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(api.json(rejected).path("status").asString()).isEqualTo("rejected");
		api.assertProblem(api.send("POST", "/api/runs/" + id + "/approve", APPROVER, "{}"), 409,
				"run-approval-refused");
		api.assertProblem(api.send("POST", "/api/runs/" + id + "/restart", OPERATOR, "{}"), 409, "not-restartable");
		JsonNode run = api.json(api.send("GET", "/api/runs/" + id, VIEWER, null));
		assertThat(run.path("run").path("status").asString()).isEqualTo("ABANDONED");
		assertThat(run.path("run").path("exit_code").asString()).isEqualTo("REJECTED");
		assertThat(db.bankOrders(event)).isZero();
		api.assertProblem(api.send("POST", "/api/runs/999999/approve", APPROVER, "{}"), 404, "no-run-approval-request");
	}

	private String launch(String user) throws Exception {
		HttpResponse<String> launched = api.send("POST", "/api/runs", user,
				"{\"liquidation_event_id\":\"" + event + "\"}");
		assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
		return launched.headers().firstValue("Location").orElseThrow();
	}

}
