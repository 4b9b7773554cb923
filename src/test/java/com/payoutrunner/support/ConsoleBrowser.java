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

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium (packages chromium and chromium-driver; .ci/run installs
 * them) pointed at the console of a test's server: sign-in, screenshots under
 * target/console-screenshots/, and a form post forged outside the browser. Open one per
 * test and {@link #close()} it after.
 */
public final class ConsoleBrowser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

	private final int port;

	private final WebDriver driver;

	public ConsoleBrowser(int port) throws Exception {
		this.port = port;
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
	}

	public void signOut() {
		driver.findElement(By.xpath("//button[text()='Sign out']")).click();
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

	@Override
	public void close() {
		driver.quit();
	}

}
