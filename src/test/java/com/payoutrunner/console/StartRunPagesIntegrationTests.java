package com.payoutrunner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.payoutrunner.approval.RunCeiling;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.preview.RunPreview;
import com.payoutrunner.support.ConsoleSession;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.RunEnds;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Start a run over HTTP: the events list, an event's preview (the dry run's own totals
 * and skips), the launch from it with the API's rules and messages, and who may launch.
 */
class StartRunPagesIntegrationTests extends WebIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	ImportedEvents events;

	@Autowired
	RunPreview previews;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	PayoutQueries db;

	@Autowired
	DataSource dataSource;

	@Test
	void anOperatorPreviewsTheEventLaunchesItFromThePreviewAndIsToldWhenItIsDone() throws Exception {
		String event = events.sample("CON-START");
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");

		String list = operator.get("/events?event=" + event).body();
		assertThat(list).contains(">" + event + "<", "/events/" + event + "/preview", "pending")
			.contains(">" + SampleEvent.PAYOUTS + "<");

		HttpResponse<String> preview = operator.get("/events/" + event + "/preview");
		assertThat(preview.statusCode()).isEqualTo(200);
		var expected = previews.preview(event, null).summary();
		assertThat(expected.totals()).isNotEmpty();
		for (PreviewTotals.Row row : expected.totals()) {
			assertThat(preview.body()).contains(RunCeiling.format(row.gross()), RunCeiling.format(row.net()),
					row.key().rail(), row.key().connector());
		}
		assertThat(preview.body()).contains("id=\"would-pay\">" + SampleEvent.ELIGIBLE + "<",
				"id=\"would-skip\">" + SampleEvent.INELIGIBLE + "<", "INV-0027", "invalid_method",
				"payment method &#39;Crypto&#39; is not accepted", "within the run ceiling", "Launch this run",
				"This starts the event&#39;s first run.");

		HttpResponse<String> launched = operator.post("/events/" + event + "/runs", Map.of());
		long run = ConsoleSession.runId(launched);
		assertThat(operator.follow(launched).body()).contains("Started run " + run + " of " + event);
		assertThat(RunEnds.await(jobRepository, run).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(jobRepository.getJobExecution(run)
			.getJobParameters()
			.getString(com.payoutrunner.batching.PayoutRunJobParameters.LAUNCHED_BY)).isEqualTo("operator");

		// Again: the operations' own answer, on the preview, which now offers a rerun.
		HttpResponse<String> again = operator.post("/events/" + event + "/runs", Map.of());
		assertThat(again.headers().firstValue("Location"))
			.hasValueSatisfying(target -> assertThat(target).endsWith("/events/" + event + "/preview"));
		assertThat(operator.follow(again).body()).contains(
				"Not started: the latest run of " + event + " already COMPLETED", "Launch a rerun",
				"name=\"rerun\" value=\"true\"");
		HttpResponse<String> rerun = operator.post("/events/" + event + "/runs", Map.of("rerun", "true"));
		long rerunId = ConsoleSession.runId(rerun);
		assertThat(RunEnds.await(jobRepository, rerunId).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.bankOrders(event)).as("a rerun pays no one twice").isEqualTo(SampleEvent.ELIGIBLE);
	}

	@Test
	void aSecondLaunchWhileTheRunGoesOnIsRefusedOnThePreview() throws Exception {
		String event = events.sample("CON-BUSY");
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");
		long run;
		// The run waits on the test's row locks, so it is still going when launched
		// again.
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			blocker.createStatement()
				.execute("SELECT id FROM payouts WHERE liquidation_event_id = '" + event + "' FOR UPDATE");
			run = ConsoleSession.runId(operator.post("/events/" + event + "/runs", Map.of()));
			HttpResponse<String> again = operator.post("/events/" + event + "/runs", Map.of());
			assertThat(operator.follow(again).body()).contains(
					"Not started: event " + event + " is being run by another process right now.",
					"Latest run</dt><dd>STARTED");
			blocker.rollback();
		}
		assertThat(RunEnds.await(jobRepository, run).getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void anUnknownEventIsThe404PageAndOnlyOperatorsLaunchWithTheirToken() throws Exception {
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");
		HttpResponse<String> unknown = operator.get("/events/NO-SUCH-EVENT/preview");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(unknown.body()).contains("no liquidation event NO-SUCH-EVENT: import its file first");
		HttpResponse<String> launchUnknown = operator.post("/events/NO-SUCH-EVENT/runs", Map.of());
		assertThat(launchUnknown.statusCode()).isEqualTo(404);
		assertThat(launchUnknown.body()).contains("no liquidation event NO-SUCH-EVENT");

		String event = events.sample("CON-VIEW");
		assertThat(operator.postWithout("/events/" + event + "/runs", Map.of()).statusCode()).isEqualTo(403);
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");
		String preview = viewer.get("/events/" + event + "/preview").body();
		assertThat(preview).contains("Preview of").doesNotContain("<button type=\"submit\">Launch");
		assertThat(viewer.post("/events/" + event + "/runs", Map.of()).statusCode()).isEqualTo(403);
		ConsoleSession approver = ConsoleSession.signedIn(port, "approver");
		assertThat(approver.post("/events/" + event + "/runs", Map.of()).statusCode()).isEqualTo(403);
		assertThat(db.payoutsWithStatus(event, "pending")).isEqualTo(SampleEvent.PAYOUTS);
	}

}
