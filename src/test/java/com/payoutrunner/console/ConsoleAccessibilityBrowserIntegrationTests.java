package com.payoutrunner.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ConsoleBrowser;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.WebIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page the console's navigation leads to, and the first page each of them links to
 * from its main table, as an admin (who sees every button) with a run's worth of data:
 * usable with the keyboard, labelled for screen readers, readable on a laptop screen
 * ({@link ConsoleBrowser#accessibilityProblems()}), and none of them an error page.
 */
@Tag("browser")
class ConsoleAccessibilityBrowserIntegrationTests extends WebIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	ApiPayouts payouts;

	@RegisterExtension
	final ConsoleBrowser console = ConsoleBrowser.openedForEachTest();

	@Test
	void everyPageIsLabelledKeyboardUsableAndFitsALaptopScreen() throws Exception {
		events.sampleRun("a11y");
		// A payout over its threshold, so that Approvals shows its decision forms.
		ApiPayouts.Entity entity = payouts.fundedEntity("a11y", "50000.00");
		payouts.create(entity.payout().amount("12000.00"));
		console.signIn("admin", "admin-demo");

		console.open("/login");
		assertThat(console.accessibilityProblems()).as("/login").isEmpty();

		Set<String> pages = new LinkedHashSet<>();
		console.open("/runs");
		for (WebElement link : console.driver().findElements(By.cssSelector("header nav a"))) {
			pages.add(path(link.getAttribute("href")));
		}
		assertThat(pages).hasSizeGreaterThanOrEqualTo(7);
		for (String page : List.copyOf(pages)) {
			console.open(page);
			List<WebElement> detail = console.driver().findElements(By.cssSelector("main table tbody tr a[href]"));
			if (!detail.isEmpty()) {
				pages.add(path(detail.get(0).getAttribute("href")));
			}
		}

		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<String> errorPages = new ArrayList<>();
		for (String page : pages) {
			console.open(page);
			if (console.driver().getTitle().startsWith("Problem")) {
				errorPages.add(page + ": " + console.driver().getTitle());
			}
			List<String> found = new ArrayList<>(console.accessibilityProblems());
			// The first Tab lands on the link that skips the navigation.
			console.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
			String focused = console.driver().switchTo().activeElement().getAttribute("class");
			if (focused == null || !focused.contains("skip-link")) {
				found.add("the first Tab focuses " + focused + ", not the skip link");
			}
			if (!found.isEmpty()) {
				problems.put(page, found);
			}
		}
		assertThat(errorPages).isEmpty();
		assertThat(problems).isEmpty();
	}

	private static String path(String href) {
		return href.replaceFirst("^https?://[^/]+", "");
	}

}
