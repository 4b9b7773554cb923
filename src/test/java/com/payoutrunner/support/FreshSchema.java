package com.payoutrunner.support;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.payoutrunner.sandboxbank.SandboxBankStore;

/**
 * A fresh schema per test run and database: the first application context on a database
 * drops everything, then every context migrates (a second context must not drop what the
 * first one's tests are using). The scheduled runs' context is on a database of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshSchema {

	private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

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
	 * The sandbox bank's tables in every test database, migrated as the sandbox bank does
	 * (by its store, when it starts): tests read them directly, also before a run has
	 * needed the bank.
	 */
	@Bean
	InitializingBean sandboxBankTables(ObjectProvider<SandboxBankStore> store) {
		return store::getObject;
	}

	/**
	 * The sandbox bank migrates its own schema (history included), which the product's
	 * clean leaves alone: dropped with the rest.
	 */
	private static void dropSandboxBankSchema(Flyway flyway) {
		try (var connection = flyway.getConfiguration().getDataSource().getConnection();
				var statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS sandbox_bank CASCADE");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String databaseOf(Flyway flyway) {
		try (var connection = flyway.getConfiguration().getDataSource().getConnection()) {
			return connection.getMetaData().getURL().replaceAll("\\?.*", "");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
