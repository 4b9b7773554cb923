package com.payoutrunner.support;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the integration tests, and the default test context: the real application
 * context, without a web server, on a real PostgreSQL database, {@code payouts_test} on
 * the configured server (PAYOUTS_DB_HOST/PORT/USER/PASSWORD, default 127.0.0.1:5432
 * postgres), created when missing and rebuilt from the migrations once per test run. When
 * no server answers, start-up fails with a message that says how to provide one. Tests
 * are not transactional (Spring Batch refuses that); each test uses its own event id (or
 * origin module, IBAN) instead of cleaning tables.
 *
 * <p>
 * Every test context of the suite is one of four, each defined once in this package: this
 * one, {@link WebIntegrationTest} (the operators' API on a random port),
 * {@link ScheduledRunsIntegrationTest} (the same on a database of its own, for runs that
 * read every event) and {@link FaultySandboxBankIntegrationTest} (a sandbox bank that
 * injects faults). A test declares no settings, beans or web environment of its own
 * ({@code TestContextsTests} checks it): what one test needs differently it sets at run
 * time through the fixtures of {@link TestFixtures}, which this base gives back after
 * each test.
 */
@SpringBootTest
// Properties here rather than on @SpringBootTest, so that the other contexts' base
// classes may declare their own @SpringBootTest (a web environment) and still inherit
// them; their own @TestPropertySource values win.
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.TEST_DATABASE_URL,
		"spring.flyway.clean-disabled=false", "payout.reports-dir=target/test-reports", "payout.chunk-size=10",
		"payout.progress-interval=1h",
		// DEMO key for tests only; production sets its own (openssl rand -base64 32).
		"payout.encryption.key=4RZX8EJmEwBKcHHxMxvIzb2oOeLzNh+a0mqsm+cHd7w=", "payout.bank.retry.initial-delay=1ms",
		"payout.bank.retry.max-delay=4ms",
		// One folder set per context: the contexts share the file system.
		"payout.bank-files.outbox=target/test-files/events/outbox",
		"payout.bank-files.inbox=target/test-files/events/inbox",
		"payout.bank-files.statements=target/test-files/events/statements",
		"payout.bank-files.statement-inbox=target/test-files/events/statements-inbox",
		// Accounts no test pays but the ones about refusals.
		"payout.sandbox-bank.faults.rejected-accounts=" + SandboxBankAccounts.REFUSED_IBAN,
		"payout.sandbox-bank.faults.unknown-accounts=" + SandboxBankAccounts.NOT_HELD,
		// One Quartz scheduler per name per JVM: a name per test context.
		"spring.quartz.scheduler-name=payout-runner-test-${random.uuid}",
		// Cached idle test contexts keep one connection each, not a full pool.
		"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000" })
@Import({ FreshSchema.class, TestFixtures.class })
public abstract class PostgresIntegrationTest {

	public static final String TEST_DATABASE_URL = "jdbc:postgresql://${PAYOUTS_DB_HOST:127.0.0.1}:${PAYOUTS_DB_PORT:5432}/"
			+ "${PAYOUTS_TEST_DB_NAME:payouts_test}?reWriteBatchedInserts=true";

	/**
	 * A second test database, for tests whose runs read every event's open payouts
	 * (scheduled runs) and so must not meet other tests' payouts.
	 */
	public static final String SCHEDULES_DATABASE_URL = "jdbc:postgresql://${PAYOUTS_DB_HOST:127.0.0.1}:${PAYOUTS_DB_PORT:5432}/"
			+ "${PAYOUTS_TEST_DB_NAME:payouts_test}_schedules?reWriteBatchedInserts=true";

	@Autowired
	private List<RestoredAfterEachTest> changedByTests;

	/** The clock runs again, the ceiling, bank and routes are as configured. */
	@AfterEach
	void giveBackWhatTheTestChanged() {
		changedByTests.forEach(RestoredAfterEachTest::restore);
	}

}
