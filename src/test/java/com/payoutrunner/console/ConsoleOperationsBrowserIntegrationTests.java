package com.payoutrunner.console;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.schedule.ScheduleRegistrar;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ConsoleBrowser;
import com.payoutrunner.support.SandboxBankAccounts;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's operations pages in Debian's headless Chromium: an operator retries a
 * dead-lettered payout (put there by a run whose bank refused it), pauses and resumes a
 * schedule, searches payouts and opens one's timeline, reads balances and holds; a viewer
 * sees no buttons on these pages; form posts forged without the CSRF token get 403.
 * Screenshots: dead-letters, schedules, payouts, payout, balances (and their viewer
 * versions) under target/console-screenshots/. On the scheduled runs' database, where the
 * schedules are.
 */
@Tag("browser")
class ConsoleOperationsBrowserIntegrationTests extends ScheduledRunsIntegrationTest {

	@Autowired
	ApiPayouts payouts;

	@Autowired
	ScheduleRegistrar registrar;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final ConsoleBrowser console = ConsoleBrowser.openedForEachTest();

	@Test
	void anOperatorClearsTheDeadLetterQueueSteersASchedulesAndReadsPayoutsAndBalances() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("web", "2500.00");
		long refused = payouts.create(entity.payout().amount("640.10").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		long other = payouts.create(entity.payout().amount("75.00").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));
		long pending = payouts.create(entity.payout().amount("310.00"));
		registrar.register();
		assertThat(status(refused)).isEqualTo("dead_letter");

		console.signIn("operator", "operator-demo");

		// The dead-letter queue: retry one; it leaves the list and is pending again.
		console.follow(console.driver().findElement(By.linkText("Dead letters")));
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Dead letters");
		WebElement row = deadLetter(refused);
		assertThat(row.getText()).contains("640.10 EUR", "API payout");
		console.screenshot("dead-letters");
		console.follow(row.findElement(By.xpath(".//button[text()='Retry']")));
		assertThat(console.driver().findElement(By.cssSelector("main .message")).getText())
			.isEqualTo("Payout " + refused + " is pending again; the next run (or rerun) of its event pays it.");
		assertThat(console.driver().findElements(By.cssSelector("#dead-letters tr[data-payout='" + refused + "']")))
			.isEmpty();
		assertThat(deadLetter(other)).isNotNull();
		assertThat(status(refused)).isEqualTo("pending");
		assertThat(console.forgedPost("/dead-letters/" + other + "/retry", "")).isEqualTo(403);
		assertThat(status(other)).isEqualTo("dead_letter");

		// Schedules: pause one, see it paused, resume it.
		console.follow(console.driver().findElement(By.linkText("Schedules")));
		assertThat(state("weekly-low")).isEqualTo("normal");
		assertThat(schedule("weekly-low").findElements(By.cssSelector("ol.fires > li time"))).hasSize(5);
		console.follow(schedule("weekly-low").findElement(By.xpath(".//button[text()='Pause']")));
		assertThat(console.driver().findElement(By.cssSelector("main .message")).getText())
			.startsWith("Schedule weekly-low is paused");
		assertThat(state("weekly-low")).isEqualTo("paused");
		console.screenshot("schedules");
		assertThat(console.forgedPost("/schedules/daily-normal/pause", "")).isEqualTo(403);
		assertThat(state("daily-normal")).isEqualTo("normal");
		console.follow(schedule("weekly-low").findElement(By.xpath(".//button[text()='Resume']")));
		assertThat(state("weekly-low")).isEqualTo("normal");

		// Payouts: search by the entity's module and status, open one's timeline.
		console.follow(console.driver().findElement(By.linkText("Payouts")));
		console.driver().findElement(By.id("origin_module")).sendKeys(entity.module());
		new org.openqa.selenium.support.ui.Select(console.driver().findElement(By.id("status")))
			.selectByVisibleText("pending");
		console.follow(console.driver().findElement(By.xpath("//form[@role='search']//button[text()='Search']")));
		assertThat(console.driver().findElements(By.cssSelector("#payouts tbody tr th a")))
			.extracting(WebElement::getText)
			.containsExactly(Long.toString(pending), Long.toString(refused));
		console.screenshot("payouts");
		console.follow(console.driver().findElement(By.linkText(Long.toString(refused))));
		assertThat(console.driver().findElement(By.tagName("h1")).getText()).startsWith("Payout " + refused);
		List<WebElement> timeline = console.driver().findElements(By.cssSelector("ol#timeline > li"));
		assertThat(timeline).extracting(entry -> entry.getAttribute("data-action"))
			.startsWith("payout_created")
			.contains("dead_lettered");
		assertThat(timeline).allSatisfy(
				entry -> assertThat(entry.findElement(By.tagName("time")).getAttribute("datetime")).isNotBlank());
		assertThat(timeline.get(timeline.size() - 1).getText()).contains("by operator");
		console.screenshot("payout");

		// Balances: the entity's, with the holds of its open payouts.
		console.follow(console.driver().findElement(By.linkText(entity.id().toString())));
		WebElement balance = console.driver()
			.findElement(By.cssSelector("#balances tr[data-entity='" + entity.id() + "'][data-currency='EUR']"));
		assertThat(balance.findElement(By.cssSelector(".balance")).getText()).isEqualTo("2500.00 EUR");
		assertThat(balance.findElement(By.cssSelector(".held")).getText()).isEqualTo("950.10 EUR");
		assertThat(balance.findElement(By.cssSelector(".available")).getText()).isEqualTo("1549.90 EUR");
		assertThat(balance.findElements(By.cssSelector(".holds > li")))
			.extracting(hold -> hold.getAttribute("data-payout"))
			.containsExactlyInAnyOrder(Long.toString(refused), Long.toString(pending));
		console.screenshot("balances");

		// A viewer: the same pages, no buttons.
		console.signOut();
		console.signIn("viewer", "viewer-demo");
		for (String page : List.of("dead-letters", "schedules", "payouts", "payouts/" + refused, "balances")) {
			console.open("/" + page);
			assertThat(console.driver().findElements(By.cssSelector("main button"))).as(page)
				.extracting(WebElement::getText)
				.doesNotContain("Retry", "Cancel", "Pause", "Resume", "Trigger now");
		}
		console.open("/dead-letters");
		assertThat(deadLetter(other).findElements(By.tagName("button"))).isEmpty();
		console.screenshot("dead-letters-as-viewer");
		console.open("/schedules");
		assertThat(schedule("weekly-low").findElements(By.tagName("button"))).isEmpty();
		console.screenshot("schedules-as-viewer");
	}

	private WebElement deadLetter(long payoutId) {
		return console.driver().findElement(By.cssSelector("#dead-letters tr[data-payout='" + payoutId + "']"));
	}

	private WebElement schedule(String name) {
		return console.driver().findElement(By.id("schedule-" + name));
	}

	private String state(String schedule) {
		return schedule(schedule).findElement(By.cssSelector(".state")).getText();
	}

	private String status(long payoutId) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", payoutId).query(String.class).single();
	}

}
