package com.payoutrunner.support;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

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
				flyway.clean();
			}
			flyway.migrate();
		};
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
