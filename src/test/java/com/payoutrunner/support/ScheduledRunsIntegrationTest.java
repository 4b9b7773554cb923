package com.payoutrunner.support;

import org.springframework.test.context.TestPropertySource;

/**
 * The scheduled runs' test context: the web context of {@link WebIntegrationTest} on a
 * database of its own ({@code <test database>_schedules}, its reports apart, as their ids
 * are that database's). A schedule's slot reads the open payouts of every event (or every
 * API payout of its modules), so these tests must not meet the payouts of the others;
 * each picks out its own by origin module or schedule name. Web, so that the operators'
 * API can trigger a schedule.
 */
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.SCHEDULES_DATABASE_URL,
		"payout.reports-dir=target/test-reports-schedules",
		"payout.bank-files.outbox=target/test-files/scheduled-runs/outbox",
		"payout.bank-files.inbox=target/test-files/scheduled-runs/inbox",
		"payout.bank-files.statements=target/test-files/scheduled-runs/statements",
		"payout.bank-files.statement-inbox=target/test-files/scheduled-runs/statements-inbox" })
public abstract class ScheduledRunsIntegrationTest extends WebIntegrationTest {

}
