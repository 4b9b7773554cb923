package com.payoutrunner.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.report.BatchMetadataQueries;
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

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	@LocalServerPort
	int port;

	@Autowired
	ImportedEvents events;

	@Autowired
	BatchMetadataQueries metadata;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JobRepository jobRepository;

	private WebDriver browser;

	@BeforeEach
	void openTheBrowser() throws Exception {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
		ChromeDriverService driver = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		browser = new ChromeDriver(driver, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterEach
	void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anOperatorFollowsARunToItsSkipChartAndAViewerGetsNoButtons() throws Exception {
		String event = events.sampleRun("console");
		long run = metadata.executionsOf(event)
			.stream()
			.filter(execution -> execution.jobName().equals(ConsoleRuns.PAYOUT_RUN_JOB))
			.findFirst()
			.orElseThrow()
			.jobExecutionId();
		Map<String, Long> skips = summaries.summarize(jobRepository.getJobExecution(run)).skipBreakdown();

		browser.get(url("/"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		screenshot("sign-in");
		signIn("operator", "operator-demo");
		assertThat(browser.getCurrentUrl()).endsWith("/runs");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");

		browser.get(url("/runs?event=" + event));
		// The event's import and its payout run.
		List<WebElement> rows = browser.findElements(By.cssSelector("#runs tbody tr"));
		assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.getText()).contains(event, "COMPLETED"));
		screenshot("runs");

		browser.findElement(By.linkText(Long.toString(run))).click();
		assertThat(browser.getCurrentUrl()).endsWith("/runs/" + run);
		assertThat(browser.findElements(By.cssSelector("#steps tbody tr"))).isNotEmpty();
		assertThat(skipChartBars()).isEqualTo(skips).isNotEmpty();
		assertThat(browser.findElement(By.cssSelector("#skip-chart title")).getAttribute("textContent"))
			.isEqualTo("Skipped payouts by category");
		assertThat(browser.findElement(By.linkText("Download the skip report (CSV)")).getAttribute("href"))
			.endsWith("/runs/" + run + "/skips.csv");
		screenshot("run");
		// htmx comes from its webjar; an ended run's progress no longer asks to be
		// refreshed.
		assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return typeof htmx"))
			.isEqualTo("object");
		assertThat(browser.findElement(By.id("progress")).getAttribute("hx-get")).isNull();
		browser.get(url("/runs/" + run + "/progress"));
		assertThat(browser.findElements(By.cssSelector("#progress #steps tbody tr"))).isNotEmpty();
		browser.get(url("/runs/" + run));

		// A form post without the page's CSRF token, in the operator's session, is
		// refused.
		var cookie = browser.manage().getCookieNamed("JSESSIONID");
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.isHttpOnly()).isTrue();
		String session = cookie.getValue();
		assertThat(forgedPost("/runs/" + run + "/abandon", session)).isEqualTo(403);

		browser.findElement(By.xpath("//button[text()='Sign out']")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/login?signed-out");

		signIn("viewer", "viewer-demo");
		browser.get(url("/runs/" + run));
		assertThat(browser.findElements(By.cssSelector("main button"))).isEmpty();
		screenshot("run-as-viewer");
	}

	private Map<String, Long> skipChartBars() {
		Map<String, Long> bars = new LinkedHashMap<>();
		for (WebElement bar : browser.findElements(By.cssSelector("#skip-chart g.bar"))) {
			long count = Long.parseLong(bar.getAttribute("data-count"));
			assertThat(bar.findElement(By.cssSelector("text.count")).getText()).isEqualTo(Long.toString(count));
			assertThat(bar.findElements(By.tagName("rect"))).hasSize(1);
			bars.put(bar.findElement(By.cssSelector("text.label")).getText(), count);
		}
		return bars;
	}

	private void signIn(String user, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit]")).click();
	}

	private int forgedPost(String path, String session) throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("action=abandon"))
			.build();
		return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private void screenshot(String page) throws Exception {
		byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(page + ".png"), png);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
