package com.payoutrunner.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.support.ConsoleBrowser;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.WebIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in Debian's headless Chromium (packages chromium and chromium-driver;
 * .ci/run installs them): sign in, the runs list, a run's page and its skip chart, what a
 * viewer sees, a forged form post. Each page's screenshot is kept under
 * target/console-screenshots/.
 */
@Tag("browser")
class ConsoleBrowserIntegrationTests extends WebIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	BatchMetadataQueries metadata;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JobRepository jobRepository;

	@RegisterExtension
	final ConsoleBrowser console = ConsoleBrowser.openedForEachTest();

	@Test
	void anOperatorFollowsARunToItsSkipChartAndAViewerGetsNoButtons() throws Exception {
		String event = events.sampleRun("console");
		long run = metadata.executionsOf(event)
			.stream()
			.filter(execution -> execution.jobName().equals(PayoutRunJobParameters.JOB_NAME))
			.findFirst()
			.orElseThrow()
			.jobExecutionId();
		Map<String, Long> skips = summaries.summarize(jobRepository.getJobExecution(run)).skipBreakdown();

		console.open("/");
		assertThat(console.driver().getCurrentUrl()).endsWith("/login");
		console.screenshot("sign-in");
		console.signIn("operator", "operator-demo");
		assertThat(console.driver().getCurrentUrl()).endsWith("/runs");
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Runs");

		console.open("/runs?event=" + event);
		// The event's import and its payout run.
		List<WebElement> rows = console.driver().findElements(By.cssSelector("#runs tbody tr"));
		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getText()).contains(event, "COMPLETED"));
		console.screenshot("runs");

		console.follow(console.driver().findElement(By.linkText(Long.toString(run))));
		assertThat(console.driver().getCurrentUrl()).endsWith("/runs/" + run);
		assertThat(console.driver().findElements(By.cssSelector("#steps tbody tr"))).isNotEmpty();
		assertThat(skipChartBars()).isEqualTo(skips).isNotEmpty();
		assertThat(console.driver().findElement(By.cssSelector("#skip-chart title")).getAttribute("textContent"))
			.isEqualTo("Skipped payouts by category");
		assertThat(console.driver().findElement(By.linkText("Download the skip report (CSV)")).getAttribute("href"))
			.endsWith("/runs/" + run + "/skips.csv");
		assertThat(console.driver().findElement(By.linkText("Download the run summary (JSON)")).getAttribute("href"))
			.endsWith("/runs/" + run + "/summary.json");
		assertThat(console.driver().findElements(By.cssSelector("#batches tbody tr"))).isNotEmpty();
		console.screenshot("run");
		// htmx comes from its webjar; an ended run's progress no longer asks to be
		// refreshed.
		assertThat(console.script("return typeof htmx")).isEqualTo("object");
		assertThat(console.driver().findElement(By.id("progress")).getAttribute("hx-get")).isNull();
		console.open("/runs/" + run + "/progress");
		assertThat(console.driver().findElements(By.cssSelector("#progress #steps tbody tr"))).isNotEmpty();
		console.open("/runs/" + run);

		// A form post without the page's CSRF token, in the operator's session, is
		// refused.
		var cookie = console.driver().manage().getCookieNamed("JSESSIONID");
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(console.forgedPost("/runs/" + run + "/abandon", "action=abandon")).isEqualTo(403);

		console.signOut();
		assertThat(console.driver().getCurrentUrl()).endsWith("/login?signed-out");

		console.signIn("viewer", "viewer-demo");
		console.open("/runs/" + run);
		assertThat(console.driver().findElements(By.cssSelector("main button"))).isEmpty();
		console.screenshot("run-as-viewer");
	}

	private Map<String, Long> skipChartBars() {
		Map<String, Long> bars = new LinkedHashMap<>();
		for (WebElement bar : console.driver().findElements(By.cssSelector("#skip-chart g.bar"))) {
			long count = Long.parseLong(bar.getAttribute("data-count"));
			assertThat(bar.findElement(By.cssSelector("text.count")).getText()).isEqualTo(Long.toString(count));
			assertThat(bar.findElements(By.tagName("rect"))).hasSize(1);
			bars.put(bar.findElement(By.cssSelector("text.label")).getText(), count);
		}
		return bars;
	}

}
