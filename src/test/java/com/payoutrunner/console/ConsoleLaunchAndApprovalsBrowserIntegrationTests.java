package com.payoutrunner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.approval.RunCeiling;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.preview.PreviewSummary;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.preview.RunPreview;
import com.payoutrunner.requests.PayoutViews;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ConsoleBrowser;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.RunEnds;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Start a run and Approvals in Debian's headless Chromium: an operator previews the
 * sample event, launches it from its preview and watches it complete on the run's page
 * (its live part refreshed by htmx) down to its skip chart; two approvers approve a
 * payout, its creator is refused; a viewer gets no buttons; forged posts get 403.
 * Screenshots: start-a-run, preview, approvals (target/console-screenshots/).
 */
@Tag("browser")
class ConsoleLaunchAndApprovalsBrowserIntegrationTests extends WebIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	RunPreview previews;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiPayouts payouts;

	@Autowired
	PayoutViews views;

	@Autowired
	JsonMapper json;

	@RegisterExtension
	final ConsoleBrowser console = ConsoleBrowser.openedForEachTest();

	@Test
	void anOperatorLaunchesTheSampleEventFromItsPreviewAndWatchesItComplete() throws Exception {
		String event = events.sample("BROWSER-START");
		PreviewSummary expected = previews.preview(event, null).summary();

		console.signIn("operator", "operator-demo");
		console.follow(console.driver().findElement(By.linkText("Start a run")));
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Start a run");
		console.driver().findElement(By.id("event")).sendKeys(event);
		console.follow(console.driver().findElement(By.xpath("//main//button[text()='Find']")));
		new WebDriverWait(console.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("event="));
		List<WebElement> rows = console.driver().findElements(By.cssSelector("#events tbody tr"));
		assertThat(rows).singleElement()
			.satisfies(
					row -> assertThat(row.getText()).contains(event, Integer.toString(SampleEvent.PAYOUTS), "pending"));
		console.screenshot("start-a-run");

		console.follow(rows.get(0).findElement(By.linkText("Preview")));
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Preview of " + event);
		assertThat(console.driver().findElement(By.id("would-pay")).getText())
			.isEqualTo(Long.toString(expected.wouldPay()));
		assertThat(console.driver().findElement(By.id("would-skip")).getText())
			.isEqualTo(Long.toString(expected.wouldSkip()));
		assertThat(totalsOnThePage()).isEqualTo(expected.totals().stream().map(this::cells).toList()).isNotEmpty();
		assertThat(console.driver().findElements(By.cssSelector("#skip-breakdown tbody th")))
			.extracting(WebElement::getText)
			.containsExactlyElementsOf(expected.skipBreakdown().keySet());
		assertThat(console.driver().findElement(By.id("skipped")).getText()).contains("INV-0027", "invalid_method");
		console.screenshot("preview");

		// The run waits on a row lock of the test's until the page is watching it, so
		// that its end reaches the page through htmx, not through a new page.
		long run;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			blocker.createStatement()
				.execute("SELECT id FROM payouts WHERE liquidation_event_id = '" + event + "' FOR UPDATE");
			console.follow(console.driver().findElement(By.xpath("//button[text()='Launch this run']")));
			// The launch answers once the run has started: wait for the run's page.
			new WebDriverWait(console.driver(), Duration.ofSeconds(30))
				.until(page -> page.getCurrentUrl().matches(".*/runs/\\d+"));
			run = Long.parseLong(console.driver().getCurrentUrl().replaceAll(".*/runs/", ""));
			assertThat(console.driver().findElement(By.cssSelector("main .message")).getText())
				.contains("Started run " + run + " of " + event);
			assertThat(console.driver().findElement(By.id("progress")).getAttribute("hx-get"))
				.endsWith("/runs/" + run + "/progress");
			console.script("window.sameDocument = true");
			blocker.rollback();
		}
		new WebDriverWait(console.driver(), Duration.ofSeconds(60))
			.until(page -> "COMPLETED".equals(page.findElement(By.cssSelector("#progress strong.status")).getText()));
		assertThat(console.script("return window.sameDocument === true")).as("refreshed in place by htmx")
			.isEqualTo(true);
		assertThat(RunEnds.await(jobRepository, run).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		console.open("/runs/" + run);
		Map<String, Long> skips = summaries.summarize(jobRepository.getJobExecution(run)).skipBreakdown();
		assertThat(console.chartBars("skip-chart")).isEqualTo(skips).isEqualTo(expected.skipBreakdown());

		// Without the page's CSRF token, in the operator's session: refused.
		assertThat(console.forgedPost("/events/" + event + "/runs", "rerun=true")).isEqualTo(403);
	}

	@Test
	void twoApproversApproveAPayoutItsCreatorIsRefusedAndAViewerGetsNoButtons() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("browserap", "50000.00");
		long id = payouts.create(entity.payout().amount("12000.00"));
		long selfMade = json
			.readTree(api.as("admin", "POST", "/api/payouts",
					entity.payout().amount("15000.00").toJson(json).toString(), UUID.randomUUID().toString())
				.body())
			.path("id")
			.asLong();
		assertThat(views.payout(selfMade).orElseThrow().get("status")).isEqualTo("awaiting_approval");

		console.signIn("admin", "admin-demo");
		console.follow(console.driver().findElement(By.linkText("Approvals")));
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Approvals");
		assertThat(row(id).getText()).contains("EUR 12,000.00", "EUR 30.50", "api:test", "nobody yet");
		assertThat(row(selfMade).getText()).contains("EUR 15,000.00", "api:admin", "You created it");
		console.screenshot("approvals");

		console.follow(row(selfMade).findElement(By.xpath(".//button[text()='Approve']")));
		assertThat(console.driver().findElement(By.cssSelector("main .problem")).getText())
			.isEqualTo("Not done: the creator of payout " + selfMade + " may not approve or reject it.");

		row(id).findElement(By.id("payout-comment-" + id)).sendKeys("invoice checked");
		console.follow(row(id).findElement(By.xpath(".//button[text()='Approve']")));
		assertThat(console.driver().findElement(By.cssSelector("main .message")).getText())
			.isEqualTo("Approved payout " + id + ": 1 of 2 approvals; it waits for another approver.");
		assertThat(row(id).getText()).contains("api:admin");
		console.signOut();

		console.signIn("approver", "approver-demo");
		console.open("/approvals");
		console.follow(row(id).findElement(By.xpath(".//button[text()='Approve']")));
		assertThat(console.driver().findElement(By.cssSelector("main .message")).getText())
			.isEqualTo("Approved payout " + id + ": 2 of 2 approvals; it is pending for the next run.");
		assertThat(console.driver().findElements(By.id("payout-" + id))).isEmpty();
		assertThat(views.payout(id).orElseThrow().get("status")).isEqualTo("pending");
		assertThat(console.forgedPost("/approvals/payouts/" + selfMade + "/approve", "comment=forged")).isEqualTo(403);
		assertThat(views.payout(selfMade).orElseThrow().get("status")).isEqualTo("awaiting_approval");
		console.signOut();

		String event = events.sample("BROWSER-VIEW");
		console.signIn("viewer", "viewer-demo");
		for (String page : List.of("/events/" + event + "/preview", "/approvals")) {
			console.open(page);
			assertThat(console.driver().findElements(By.cssSelector("main form[method=post]"))).as(page).isEmpty();
			assertThat(console.driver().findElements(By.cssSelector("main button"))).as(page).isEmpty();
		}
		assertThat(row(selfMade).getText()).contains("EUR 15,000.00");
		console.open("/events?event=" + event);
		assertThat(console.driver().findElements(By.cssSelector("main form[method=post]"))).isEmpty();
		assertThat(console.forgedPost("/events/" + event + "/runs", "")).isEqualTo(403);
	}

	private WebElement row(long payout) {
		return console.driver().findElement(By.id("payout-" + payout));
	}

	private List<List<String>> totalsOnThePage() {
		return console.driver()
			.findElements(By.cssSelector("#totals tbody tr"))
			.stream()
			.map(row -> row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	/** A row of the preview's totals as the page should show it. */
	private List<String> cells(PreviewTotals.Row row) {
		var key = row.key();
		return List.of(key.rail(), key.railCurrency(), key.connector(), key.currency(), Long.toString(row.payouts()),
				RunCeiling.format(row.gross()), RunCeiling.format(row.fees()), RunCeiling.format(row.net()),
				RunCeiling.format(row.railAmount()));
	}

}
