package com.payoutrunner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.requests.PayoutViews;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ConsoleSession;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.RunEnds;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestRunCeiling;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Approvals over HTTP: the waiting payouts and runs as approvers see them, their
 * decisions with the API's four-eyes rules, refusals shown on the page, and who may
 * decide.
 */
class ApprovalsPagesIntegrationTests extends WebIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ApiPayouts payouts;

	@Autowired
	PayoutViews views;

	@Autowired
	JsonMapper json;

	@Autowired
	TestRunCeiling ceiling;

	@Autowired
	ImportedEvents events;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	PayoutQueries db;

	@Test
	void aPayoutOverItsThresholdTakesTwoApproversInTheConsoleAndItsCreatorIsRefused() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("conap", "50000.00");
		long id = payouts.create(entity.payout().amount("12000.00"));
		ConsoleSession approver = ConsoleSession.signedIn(port, "approver");

		String page = approver.get("/approvals").body();
		String row = row(page, "payout-" + id);
		assertThat(row)
			.contains("EUR 12,000.00", "EUR 30.50", "EUR 11,969.50", "Ana Souza", "PT50", "api:test", "nobody yet",
					"aria-label=\"Approve payout " + id + "\"", "name=\"_csrf\"")
			.doesNotContain("PT50000201231234567890154");

		HttpResponse<String> first = approver.post("/approvals/payouts/" + id + "/approve",
				Map.of("comment", "checked the invoice"));
		assertThat(first.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/approvals"));
		assertThat(approver.follow(first).body())
			.contains("Approved payout " + id + ": 1 of 2 approvals; it waits for another approver.");
		assertThat(row(approver.get("/approvals").body(), "payout-" + id)).contains("api:approver");
		assertThat(approver.follow(approver.post("/approvals/payouts/" + id + "/approve", Map.of())).body())
			.contains("Not done: api:approver has already decided on payout " + id + ".");

		ConsoleSession admin = ConsoleSession.signedIn(port, "admin");
		assertThat(admin.follow(admin.post("/approvals/payouts/" + id + "/approve", Map.of("comment", "ok"))).body())
			.contains("Approved payout " + id + ": 2 of 2 approvals; it is pending for the next run.");
		assertThat(views.payout(id).orElseThrow().get("status")).isEqualTo("pending");
		assertThat(admin.get("/approvals").body()).doesNotContain("id=\"payout-" + id + "\"");

		// Created by admin through the API: admin may not decide on it in the console.
		long selfMade = json
			.readTree(api.as("admin", "POST", "/api/payouts",
					entity.payout().amount("15000.00").toJson(json).toString(), UUID.randomUUID().toString())
				.body())
			.path("id")
			.asLong();
		assertThat(row(admin.get("/approvals").body(), "payout-" + selfMade)).contains("api:admin", "You created it");
		assertThat(admin.follow(admin.post("/approvals/payouts/" + selfMade + "/approve", Map.of())).body())
			.contains("Not done: the creator of payout " + selfMade + " may not approve or reject it.");
		assertThat(admin.follow(admin.post("/approvals/payouts/" + selfMade + "/reject", Map.of())).body())
			.contains("Not done: the creator of payout " + selfMade + " may not approve or reject it.");
		assertThat(approver
			.follow(approver.post("/approvals/payouts/" + selfMade + "/reject", Map.of("comment", "x".repeat(5000))))
			.body()).contains("Not done: the comment is longer than");
		assertThat(approver
			.follow(approver.post("/approvals/payouts/" + selfMade + "/reject", Map.of("comment", "unknown")))
			.body()).contains("Rejected payout " + selfMade + ": it will not be paid and its hold is given back.");
		assertThat(views.payout(selfMade).orElseThrow().get("status")).isEqualTo("rejected");
		assertThat(approver.post("/approvals/payouts/987654321/approve", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void viewersAndOperatorsSeeWhatWaitsWithoutButtonsAndMayNotDecide() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("conview", "50000.00");
		long id = payouts.create(entity.payout().amount("12000.00"));
		for (String user : new String[] { "viewer", "operator" }) {
			ConsoleSession session = ConsoleSession.signedIn(port, user);
			String page = session.get("/approvals").body();
			assertThat(row(page, "payout-" + id)).contains("EUR 12,000.00");
			assertThat(page).contains("Only approvers decide").doesNotContain("Approve</button>");
			assertThat(session.post("/approvals/payouts/" + id + "/approve", Map.of()).statusCode()).isEqualTo(403);
		}
		ConsoleSession approver = ConsoleSession.signedIn(port, "approver");
		assertThat(approver.postWithout("/approvals/payouts/" + id + "/approve", Map.of()).statusCode())
			.as("no CSRF token")
			.isEqualTo(403);
		assertThat(views.payout(id).orElseThrow().get("status")).isEqualTo("awaiting_approval");
	}

	@Test
	void aRunOverTheCeilingIsApprovedByTwoOthersThanItsLauncherAndResumes() throws Exception {
		ceiling.set("USD 1000");
		String event = events.sample("CON-RA");
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");
		assertThat(operator.get("/events/" + event + "/preview").body()).contains("is over the run ceiling");
		long run = ConsoleSession.runId(operator.post("/events/" + event + "/runs", Map.of()));
		assertThat(RunEnds.await(jobRepository, run).getExitStatus().getExitCode()).isEqualTo("AWAITING_APPROVAL");

		ConsoleSession approver = ConsoleSession.signedIn(port, "approver");
		String row = row(approver.get("/approvals").body(), "run-" + run);
		assertThat(row).contains(event, "USD 1,000.00", "operator", "0</span> of <span>2");
		assertThat(operator.post("/approvals/runs/" + run + "/approve", Map.of()).statusCode()).isEqualTo(403);
		assertThat(
				approver.follow(approver.post("/approvals/runs/" + run + "/approve", Map.of("comment", "ok"))).body())
			.contains("Approved run " + run + ": 1 of 2 approvals; it waits for another approver.");
		assertThat(approver.follow(approver.post("/approvals/runs/" + run + "/approve", Map.of())).body())
			.contains("Not done: approver has already decided on run");
		assertThat(db.bankOrders(event)).isZero();

		ConsoleSession admin = ConsoleSession.signedIn(port, "admin");
		long resumed = ConsoleSession.runId(admin.post("/approvals/runs/" + run + "/approve", Map.of()));
		assertThat(RunEnds.await(jobRepository, resumed).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(approver.post("/approvals/runs/999999/approve", Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void theLauncherOfARunMayNotApproveItAndARejectionIsFinal() throws Exception {
		ceiling.set("USD 1000");
		String event = events.sample("CON-RR");
		ConsoleSession admin = ConsoleSession.signedIn(port, "admin");
		long run = ConsoleSession.runId(admin.post("/events/" + event + "/runs", Map.of()));
		RunEnds.await(jobRepository, run);
		assertThat(row(admin.get("/approvals").body(), "run-" + run)).contains("You launched it");
		assertThat(admin.follow(admin.post("/approvals/runs/" + run + "/approve", Map.of())).body())
			.contains("Not done: admin launched run");
		ConsoleSession approver = ConsoleSession.signedIn(port, "approver");
		assertThat(approver.follow(approver.post("/approvals/runs/" + run + "/reject", Map.of("comment", "no"))).body())
			.contains("Rejected run " + run + ": it sends nothing; its payouts are pending again for a rerun.");
		assertThat(jobRepository.getJobExecution(run).getStatus()).isEqualTo(BatchStatus.ABANDONED);
		assertThat(db.bankOrders(event)).isZero();
	}

	/** The table row with this id, as the page writes it. */
	private static String row(String page, String id) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("row " + id + " on the page").isNotNegative();
		return page.substring(start, page.indexOf("</tr>", start));
	}

}
