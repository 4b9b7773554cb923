package com.payoutrunner.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.payoutrunner.support.ConsoleSession;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.WebIntegrationTest;

/**
 * Wrong passwords at the console's sign-in form count against the address as the API's
 * 401s do (one count for both doors), and an unknown console path is the console's 404
 * page while an unknown API path keeps its problem.
 */
class ConsoleSignInAndNotFoundIntegrationTests extends WebIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void wrongPasswordsAtTheFormAreLimitedPerAddressLikeTheApis() throws Exception {
		ConsoleSession browser = ConsoleSession.anonymous(port);
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> wrong = browser.signIn("operator", "guess-" + i);
			assertThat(wrong.headers().firstValue("Location"))
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
		}
		assertThat(browser.follow(browser.signIn("operator", "guess-2")).body())
			.contains("Wrong user name or password.");

		// The window's count is reached: even the right password waits, at both doors.
		HttpResponse<String> limited = browser.signIn("operator", "operator-demo");
		assertThat(limited.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/login?limited=60"));
		assertThat(browser.follow(limited).body()).contains("Too many wrong user names or passwords from this address",
				"60 s");
		assertThat(api.get("operator", "/api/runs").statusCode()).isEqualTo(429);

		clock.advance(Duration.ofMinutes(1));
		assertThat(browser.signIn("operator", "operator-demo").headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/runs"));
	}

	@Test
	void anUnknownConsolePathIsTheConsoles404PageAndAnUnknownApiPathAProblem() throws Exception {
		ConsoleSession viewer = ConsoleSession.signedIn(port, "viewer");
		HttpResponse<String> page = viewer.get("/nope");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Problem <span>404</span>", "There is no page at /nope.",
				"Signed in as <strong>viewer</strong>");

		HttpResponse<String> notANumber = viewer.get("/payouts/abc");
		assertThat(notANumber.statusCode()).isEqualTo(400);
		assertThat(notANumber.body()).contains("Problem <span>400</span>", "must be a whole number, not &#39;abc&#39;");
		assertThat(viewer.get("/runs/12x").statusCode()).isEqualTo(400);

		HttpResponse<String> problem = api.get("viewer", "/api/nope");
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

}
