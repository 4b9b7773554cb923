package com.payoutrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Debian's headless Chromium (packages chromium and chromium-driver; .ci/run installs
 * them) pointed at the console of a test's server: sign-in, screenshots under
 * target/console-screenshots/, and a form post forged outside the browser; a JUnit
 * extension that opens it before each test and closes it after.
 */
public final class ConsoleBrowser implements BeforeEachCallback, AfterEachCallback {

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private int port;

	private WebDriver driver;

	private ConsoleBrowser() {
	}

	/**
	 * A browser opened before each test on the test's server (its Spring context's port)
	 * and closed after it: {@code @RegisterExtension final ConsoleBrowser console =
	 * ConsoleBrowser.openedForEachTest();}
	 */
	public static ConsoleBrowser openedForEachTest() {
		return new ConsoleBrowser();
	}

	@Override
	public void beforeEach(ExtensionContext test) throws Exception {
		this.port = Integer.parseInt(
				SpringExtension.getApplicationContext(test).getEnvironment().getRequiredProperty("local.server.port"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		Files.createDirectories(SCREENSHOTS);
	}

	@Override
	public void afterEach(ExtensionContext test) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	public void open(String path) {
		driver.get(url(path));
	}

	public void signIn(String user, String password) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		// Wait for the answer (the page signed in to, or the form again with why not),
		// so that the next page opened does not cut the sign-in short.
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.not(ExpectedConditions.urlMatches(".*/login$")));
		awaitLoaded();
	}

	/** Signs out and waits for the sign-in page that says so. */
	public void signOut() {
		driver.findElement(By.xpath("//button[text()='Sign out']")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?signed-out"));
		awaitLoaded();
	}

	/**
	 * Clicks a link or a form's button and waits until the page it leads to has replaced
	 * this one, so that what the test reads next is the new page.
	 */
	public void follow(WebElement linkOrButton) {
		WebElement page = driver.findElement(By.tagName("html"));
		linkOrButton.click();
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
		awaitLoaded();
	}

	/**
	 * Waits until the current page has loaded: the old page going stale only says the new
	 * one has begun, and an element found while it still loads may be gone when clicked.
	 */
	private void awaitLoaded() {
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(browser -> "complete"
			.equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
	}

	/** The signed-in session's cookie value, for requests made outside the browser. */
	public String session() {
		return driver.manage().getCookieNamed("JSESSIONID").getValue();
	}

	public Object script(String javascript) {
		return ((JavascriptExecutor) driver).executeScript(javascript);
	}

	/**
	 * A form post in the browser's session but without the page's CSRF token, as another
	 * site would make it; returns the status code.
	 */
	public int forgedPost(String path, String form) throws Exception {
		HttpRequest post = HttpRequest.newBuilder(URI.create(url(path)))
			.header("Cookie", "JSESSIONID=" + session())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/**
	 * What makes the open page hard to use with a keyboard, a screen reader or on a
	 * laptop screen, one line each (empty when nothing): the document's language, one
	 * {@code h1}, a label for every field, a name for every button and link, a caption
	 * for every table, a title for every chart, alternative text for every image, unique
	 * ids, and no sideways scrolling of the page or of a table in it.
	 */
	@SuppressWarnings("unchecked")
	public java.util.List<String> accessibilityProblems() {
		return (java.util.List<String>) script(
				"""
						const problems = [];
						const visible = e => e.getClientRects().length > 0 || e.type === 'hidden';
						const named = e => (e.textContent || '').trim() || e.getAttribute('aria-label')
						    || e.getAttribute('aria-labelledby') || e.getAttribute('title')
						    || (e.value && (e.type === 'submit' || e.type === 'button'));
						if (!document.documentElement.lang) problems.push('html has no lang');
						if (!document.title.trim()) problems.push('page has no title');
						const h1 = document.querySelectorAll('main h1').length;
						if (h1 !== 1) problems.push('main has ' + h1 + ' h1 headings');
						for (const field of document.querySelectorAll('input, select, textarea')) {
						  if (['hidden', 'submit', 'button'].includes(field.type)) continue;
						  if (field.labels.length === 0 && !field.getAttribute('aria-label')
						      && !field.getAttribute('aria-labelledby'))
						    problems.push('field without a label: ' + (field.name || field.id || field.outerHTML.slice(0, 80)));
						}
						for (const button of document.querySelectorAll('button, input[type=submit]'))
						  if (!named(button)) problems.push('button without a name: ' + button.outerHTML.slice(0, 80));
						for (const link of document.querySelectorAll('a[href]'))
						  if (!named(link) && !link.querySelector('img[alt]')) problems.push('link without text: ' + link.getAttribute('href'));
						for (const table of document.querySelectorAll('table'))
						  if (!table.querySelector('caption') && !table.getAttribute('aria-label')
						      && !table.getAttribute('aria-labelledby'))
						    problems.push('table without a caption: ' + (table.id || table.className));
						for (const svg of document.querySelectorAll('svg')) {
						  if (svg.getAttribute('aria-hidden') === 'true') continue;
						  if (!svg.querySelector('title') && !svg.getAttribute('aria-label'))
						    problems.push('chart without a title: ' + (svg.id || svg.className.baseVal));
						}
						for (const img of document.querySelectorAll('img'))
						  if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
						const ids = new Map();
						for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);
						for (const [id, n] of ids) if (n > 1) problems.push('id used ' + n + ' times: ' + id);
						for (const box of document.querySelectorAll('.scroll'))
						  if (box.scrollWidth > box.clientWidth + 1)
						    problems.push('a table scrolls sideways: ' + (box.querySelector('table') || box).id);
						if (document.documentElement.scrollWidth > window.innerWidth + 1)
						  problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + 'px wide');
						return problems;
						""");
	}

	/**
	 * The bars of an SVG chart on the page (by its id): category and count, in the page's
	 * order; each bar's printed count must be its data.
	 */
	public Map<String, Long> chartBars(String chartId) {
		Map<String, Long> bars = new LinkedHashMap<>();
		for (WebElement bar : driver.findElements(By.cssSelector("#" + chartId + " g.bar"))) {
			long count = Long.parseLong(bar.getAttribute("data-count"));
			assertThat(bar.findElement(By.cssSelector("text.count")).getText()).isEqualTo(Long.toString(count));
			assertThat(bar.findElements(By.tagName("rect"))).hasSize(1);
			bars.put(bar.findElement(By.cssSelector("text.label")).getText(), count);
		}
		return bars;
	}

	public void screenshot(String page) throws Exception {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(page + ".png"), png);
	}

}
