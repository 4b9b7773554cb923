package com.payoutrunner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.core.AccountMask;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.schedule.ScheduleRegistrar;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ConsoleSession;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.SandboxBankAccounts;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

import static com.payoutrunner.support.ConsoleSession.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's operations pages over HTTP, signed in through the form: the dead-letter
 * queue with retry and cancel, schedules with pause, resume and trigger now, the payouts
 * search and a payout's timeline, balances and holds; what a viewer sees and may not do.
 * On the scheduled runs' database, where payouts get into the dead-letter queue the way
 * they do in production: a run whose bank refuses them.
 */
class OperationsPagesIntegrationTests extends ScheduledRunsIntegrationTest {

	/** The account of {@code ApiPayoutRequest}'s payouts, as every page shows it. */
	static final String MASKED = AccountMask.mask("PT50000201231234567890154");

	@LocalServerPort
	int port;

	@Autowired
	ApiPayouts payouts;

	@Autowired
	ScheduleRegistrar registrar;

	@Autowired
	BatchMetadataQueries metadata;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ImportedEvents events;

	@Test
	void anOperatorRetriesAndCancelsDeadLetteredPayoutsAndTheAuditNamesThem() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("dl", "1000.00");
		long retried = payouts.create(entity.payout().amount("400.05").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		long cancelled = payouts.create(entity.payout().amount("12.34").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		long run = payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23)).execution().getId();
		assertThat(status(retried)).isEqualTo("dead_letter");
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");

		// The run that sent them shows its failures per reason as a chart.
		Document runPage = operator.page("/runs/" + run);
		assertThat(runPage.selectFirst("#failed-chart title").text()).isEqualTo("Failed payouts by reason");
		assertThat(runPage.select("#failed-chart g.bar").eachAttr("data-count")).containsExactly("2");

		Document page = operator.page("/dead-letters");
		Element row = row(page, retried);
		assertThat(row.select("td").eachText()).contains("API payout", "400.05 EUR");
		assertThat(row.selectFirst("td:nth-of-type(4)").text()).isEqualTo("1");
		assertThat(row.selectFirst("time").attr("datetime")).isNotBlank();
		assertThat(row.select("button").eachText()).containsExactly("Retry", "Cancel");
		assertThat(page.selectFirst("#dead-letters caption")).isNotNull();

		Document afterRetry = document(operator.post("/dead-letters", "/dead-letters/" + retried + "/retry", Map.of()));
		assertThat(afterRetry.selectFirst(".message").text())
			.isEqualTo("Payout " + retried + " is pending again; the next run (or rerun) of its event pays it.");
		assertThat(afterRetry.select("#dead-letters tr[data-payout=" + retried + "]")).isEmpty();
		assertThat(status(retried)).isEqualTo("pending");
		assertThat(lastActor(retried)).as("the audit names the signed-in operator").isEqualTo("operator:operator");

		Document again = document(operator.post("/dead-letters", "/dead-letters/" + retried + "/retry", Map.of()));
		assertThat(again.selectFirst(".problem").text())
			.isEqualTo("Not done: payout " + retried + " is pending, not dead_letter: nothing done.");

		Document afterCancel = document(
				operator.post("/dead-letters", "/dead-letters/" + cancelled + "/cancel", Map.of()));
		assertThat(afterCancel.selectFirst(".message").text())
			.isEqualTo("Payout " + cancelled + " is cancelled: it will not be paid.");
		assertThat(status(cancelled)).isEqualTo("cancelled");

		Document filtered = operator.page("/dead-letters?event=NO-SUCH-EVENT");
		assertThat(filtered.selectFirst("#no-dead-letters").text()).contains("empty for this event");
		assertThat(filtered.selectFirst("#event").val()).isEqualTo("NO-SUCH-EVENT");
	}

	@Test
	void anOperatorPausesResumesAndTriggersASchedule() throws Exception {
		registrar.register();
		ConsoleSession operator = ConsoleSession.signedIn(port, "operator");

		Document page = operator.page("/schedules");
		Element weekly = page.getElementById("schedule-weekly-low");
		assertThat(weekly.selectFirst(".state").text()).isEqualTo("normal");
		assertThat(weekly.select("ol.fires > li")).hasSize(5)
			.allSatisfy(fire -> assertThat(fire.selectFirst("time").attr("datetime")).isNotBlank());
		assertThat(weekly.text()).contains("0 0 7 ? * MON", "Europe/Brussels");
		assertThat(weekly.select("button").eachText()).containsExactly("Pause", "Trigger now");

		Document paused = document(operator.post("/schedules", "/schedules/weekly-low/pause", Map.of()));
		assertThat(paused.selectFirst(".message").text()).startsWith("Schedule weekly-low is paused");
		Element pausedRow = paused.getElementById("schedule-weekly-low");
		assertThat(pausedRow.selectFirst(".state").text()).isEqualTo("paused");
		assertThat(pausedRow.select("button").eachText()).containsExactly("Resume", "Trigger now");

		Document resumed = document(operator.post("/schedules", "/schedules/weekly-low/resume", Map.of()));
		assertThat(resumed.getElementById("schedule-weekly-low").selectFirst(".state").text()).isEqualTo("normal");

		Document triggered = document(operator.post("/schedules", "/schedules/monthly-ops/trigger", Map.of()));
		assertThat(triggered.selectFirst(".message").text()).startsWith("Slot ").contains("of schedule monthly-ops");
		awaitNoRunOf("monthly-ops");
		Element lastRun = operator.page("/schedules").getElementById("schedule-monthly-ops");
		var link = lastRun.selectFirst("a[href^=/runs/]");
		assertThat(link).isNotNull();
		assertThat(operator.get(link.attr("href")).statusCode()).isEqualTo(200);

		assertThat(operator.post("/schedules", "/schedules/no-such-schedule/pause", Map.of()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void payoutsAreSearchedWithTheApisFiltersAndOneShowsItsTraceAsATimeline() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("ps", "1000.00");
		long first = payouts.create(entity.payout().amount("100.00"));
		long second = payouts.create(entity.payout().amount("250.50"));
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");

		Document found = viewer.page("/payouts?origin_module=" + entity.module() + "&status=pending");
		assertThat(found.select("#payouts tbody tr th a").eachText()).containsExactly(Long.toString(second),
				Long.toString(first));
		assertThat(found.selectFirst("#payouts tbody tr").text()).contains("250.50 EUR", "pending", MASKED);
		assertThat(found.text()).doesNotContain("PT50000201231234567890154");
		assertThat(found.selectFirst("#origin_module").val()).isEqualTo(entity.module());
		assertThat(viewer.page("/payouts?origin_module=" + entity.module() + "&status=sent").text())
			.contains("No payouts match.");

		Document badDate = viewer.page("/payouts?from=yesterday&origin_module=" + entity.module());
		assertThat(badDate.selectFirst("#search-problems").text()).contains("from: 'yesterday' is not a date");
		assertThat(badDate.selectFirst("#payouts")).isNull();
		assertThat(viewer.page("/payouts?page=0").selectFirst("#search-problems").text())
			.contains("page must be 1 or more");

		Document payout = viewer.page("/payouts/" + first);
		assertThat(payout.selectFirst("h1").text()).startsWith("Payout " + first);
		assertThat(payout.selectFirst("#payout").text()).contains("100.00 EUR", MASKED, "pending");
		List<Element> timeline = payout.select("ol#timeline > li");
		assertThat(timeline).isNotEmpty()
			.allSatisfy(entry -> assertThat(Instant.parse(entry.selectFirst("time").attr("datetime"))).isNotNull());
		assertThat(timeline.get(0).attr("data-action")).isEqualTo("payout_created");
		assertThat(timeline.get(0).text()).contains("Payout created", "by api:test");

		assertThat(viewer.get("/payouts/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void anImportedPayoutWithoutAHoldHasItsPageAndTimeline() throws Exception {
		String event = events.sampleRun("console-imported");
		long imported = jdbc.sql("SELECT min(id) FROM payouts WHERE liquidation_event_id = :event")
			.param("event", event)
			.query(Long.class)
			.single();
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");

		Document payout = viewer.page("/payouts/" + imported);

		assertThat(payout.selectFirst("h1").text()).startsWith("Payout " + imported);
		assertThat(payout.selectFirst("#payout").text()).contains(event).doesNotContain("Hold");
		assertThat(payout.select("ol#timeline > li")).isNotEmpty();
	}

	@Test
	void balancesShowWhatIsHeldAvailableAndWhichPayoutsHoldIt() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("bal", "500.00");
		long held = payouts.create(entity.payout().amount("120.25"));
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");

		Document page = viewer.page("/balances?entity=" + entity.id());
		List<Element> rows = page.select("#balances tbody tr");
		assertThat(rows).hasSize(1);
		Element row = rows.get(0);
		assertThat(row.attr("data-currency")).isEqualTo("EUR");
		assertThat(row.selectFirst(".balance").text()).isEqualTo("500.00 EUR");
		assertThat(row.selectFirst(".held").text()).isEqualTo("120.25 EUR");
		assertThat(row.selectFirst(".available").text()).isEqualTo("379.75 EUR");
		assertThat(row.select(".holds > li").eachAttr("data-payout")).containsExactly(Long.toString(held));
		assertThat(row.selectFirst(".holds .amount").text()).isEqualTo("120.25 EUR");

		assertThat(viewer.page("/balances").select("#balances tbody tr[data-entity=" + entity.id() + "]")).hasSize(1);
		assertThat(viewer.page("/balances?entity=nope").selectFirst(".problem").text())
			.contains("'nope' is not an origin entity id");
	}

	@Test
	void aViewerSeesNoButtonsAndMayNotRetryOrPause() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("dv", "100.00");
		long refused = payouts.create(entity.payout().amount("10.00").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));
		registrar.register();
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");

		for (String page : List.of("/dead-letters", "/schedules", "/payouts", "/payouts/" + refused, "/balances")) {
			assertThat(viewer.page(page).select("main button").eachText()).as(page)
				.doesNotContain("Retry", "Cancel", "Pause", "Resume", "Trigger now");
		}
		assertThat(row(viewer.page("/dead-letters"), refused)).isNotNull();
		assertThat(viewer.post("/dead-letters", "/dead-letters/" + refused + "/retry", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(viewer.post("/schedules", "/schedules/weekly-low/pause", Map.of()).statusCode()).isEqualTo(403);
		assertThat(status(refused)).isEqualTo("dead_letter");
	}

	private static Element row(Document page, long payoutId) {
		return page.selectFirst("#dead-letters tbody tr[data-payout=" + payoutId + "]");
	}

	private String status(long payoutId) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", payoutId).query(String.class).single();
	}

	private String lastActor(long payoutId) {
		return jdbc.sql("""
				SELECT actor FROM audit_events WHERE entity_type = 'payout' AND entity_id = :id
				ORDER BY id DESC LIMIT 1""").param("id", Long.toString(payoutId)).query(String.class).single();
	}

	private void awaitNoRunOf(String schedule) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (metadata.executions(new BatchMetadataQueries.Filter(null, null, null, schedule, 10, 0))
			.stream()
			.anyMatch(run -> run.endTime() == null)) {
			assertThat(Instant.now()).as("runs of %s still going", schedule).isBefore(deadline);
			Thread.sleep(200);
		}
	}

}
