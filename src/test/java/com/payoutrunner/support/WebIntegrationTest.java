package com.payoutrunner.support;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The web test context: the operators' API (as {@code serve} runs it) on a random port of
 * 127.0.0.1, on the events database of {@link PostgresIntegrationTest}; {@link #api}
 * calls it as the demo users of config/application.yaml. Its settings are small enough
 * for the hostile-input tests to reach them (3 wrong passwords a minute, statements up to
 * 64 KB) and leave every other test alone: a test that sent wrong passwords ends a minute
 * later on the clock, so that the next one starts without failed logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
		properties = { "spring.main.web-application-type=servlet", "payout.security.authentication.failed-attempts=3",
				"payout.security.authentication.failed-attempts-window=" + WebIntegrationTest.FAILED_LOGINS_WINDOW,
				"payout.limits.max-statement-bytes=64KB", "payout.bank-files.outbox=target/test-files/web/outbox",
				"payout.bank-files.inbox=target/test-files/web/inbox",
				"payout.bank-files.statements=target/test-files/web/statements",
				"payout.bank-files.statement-inbox=target/test-files/web/statements-inbox" })
public abstract class WebIntegrationTest extends PostgresIntegrationTest {

	static final String FAILED_LOGINS_WINDOW = "1m";

	@LocalServerPort
	private int port;

	@Autowired
	private JsonMapper json;

	@Autowired
	private MutableClock clock;

	protected ApiClient api;

	@BeforeEach
	void connectTheApiClient() {
		api = new ApiClient(port, json);
	}

	/**
	 * Every test calls from 127.0.0.1: its wrong passwords must not count for the next.
	 */
	@AfterEach
	void forgetFailedLogins() {
		if (api.sentWrongCredentials()) {
			clock.advance(Duration.parse("PT" + FAILED_LOGINS_WINDOW.toUpperCase()));
		}
	}

}
