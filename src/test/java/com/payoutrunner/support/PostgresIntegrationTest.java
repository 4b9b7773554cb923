package com.payoutrunner.support;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.payoutrunner.sandboxbank.SandboxBankStore;

/**
 * Base of the integration tests: the real application context on a real PostgreSQL
 * database, {@code payouts_test} on the configured server
 * (PAYOUTS_DB_HOST/PORT/USER/PASSWORD, default 127.0.0.1:5432 postgres), created when
 * missing and rebuilt from the migrations once per test run. When no server answers,
 * start-up fails with a message that says how to provide one. Tests are not transactional
 * (Spring Batch refuses that); each test uses its own event id instead of cleaning
 * tables.
 */
@SpringBootTest
// Properties here rather than on @SpringBootTest, so that a test may declare its own
// @SpringBootTest (a web environment) and still inherit them; its own @TestPropertySource
// values win.
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.TEST_DATABASE_URL,
		"spring.flyway.clean-disabled=false", "payout.reports-dir=target/test-reports", "payout.chunk-size=10",
		"payout.progress-interval=1h",
		// DEMO key for tests only; production sets its own (openssl rand -base64 32).
		"payout.encryption.key=4RZX8EJmEwBKcHHxMxvIzb2oOeLzNh+a0mqsm+cHd7w=", "payout.bank.retry.initial-delay=1ms",
		"payout.bank.retry.max-delay=4ms",
		// One Quartz scheduler per name per JVM: a name per test context.
		"spring.quartz.scheduler-name=payout-runner-test-${random.uuid}",
		// Cached idle test contexts keep one connection each, not a full pool.
		"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000" })
@Import(PostgresIntegrationTest.FreshSchema.class)
public abstract class PostgresIntegrationTest {

	public static final String TEST_DATABASE_URL = "jdbc:postgresql://${PAYOUTS_DB_HOST:127.0.0.1}:${PAYOUTS_DB_PORT:5432}/"
			+ "${PAYOUTS_TEST_DB_NAME:payouts_test}?reWriteBatchedInserts=true";

	/**
	 * A second test database, for tests whose runs read every event's open payouts
	 * (scheduled runs) and so must not meet other tests' payouts.
	 */
	public static final String SCHEDULES_DATABASE_URL = "jdbc:postgresql://${PAYOUTS_DB_HOST:127.0.0.1}:${PAYOUTS_DB_PORT:5432}/"
			+ "${PAYOUTS_TEST_DB_NAME:payouts_test}_schedules?reWriteBatchedInserts=true";

	@TestConfiguration(proxyBeanMethods = false)
	public static class FreshSchema {

		private static final java.util.Set<String> CLEANED = java.util.concurrent.ConcurrentHashMap.newKeySet();

		/**
		 * A fresh schema per test run and database: the first application context on a
		 * database drops everything, then every context migrates (a second context must
		 * not drop what the first one's tests are using). Tests that need a database of
		 * their own (scheduled runs read every event's open payouts) point
		 * spring.datasource.url at another database.
		 */
		@Bean
		FlywayMigrationStrategy cleanOnceThenMigrate() {
			return (Flyway flyway) -> {
				if (CLEANED.add(databaseOf(flyway))) {
					dropSandboxBankSchema(flyway);
					flyway.clean();
				}
				flyway.migrate();
			};
		}

		/**
		 * The sandbox bank's tables in every test database, migrated as the sandbox bank
		 * does (by its store, when it starts): tests read them directly, also before a
		 * run has needed the bank.
		 */
		@Bean
		InitializingBean sandboxBankTables(ObjectProvider<SandboxBankStore> store) {
			return store::getObject;
		}

		/**
		 * The sandbox bank migrates its own schema (history included), which the
		 * product's clean leaves alone: dropped with the rest.
		 */
		private static void dropSandboxBankSchema(Flyway flyway) {
			try (var connection = flyway.getConfiguration().getDataSource().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS sandbox_bank CASCADE");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String databaseOf(Flyway flyway) {
			try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
				return connection.getMetaData().getURL().replaceAll("\\?.*", "");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
