package com.payoutrunner.sandboxbank;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The sandbox bank's tables: its own Flyway location, schema and history, migrated when
 * its store starts, so that a database whose runs never use the sandbox bank gets none of
 * them. Not a bean of type {@link Flyway}: one would switch Boot's Flyway, the product's,
 * off.
 */
final class SandboxBankSchema {

	static final String SCHEMA = "sandbox_bank";

	static final String LOCATION = "classpath:db/sandbox-bank";

	private SandboxBankSchema() {
	}

	/**
	 * Migrates the schema; safe from several processes at once (Flyway locks its
	 * history). A database migrated before the sandbox bank had its own location holds
	 * the tables of the product's V202611211020 without this history: they are its
	 * version 1, so they are adopted as they are (a baseline) and their orders kept.
	 */
	static void migrate(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations(LOCATION)
			.schemas(SCHEMA)
			.baselineOnMigrate(true)
			.baselineVersion("1")
			.baselineDescription("tables created by product migration V202611211020")
			.load()
			.migrate();
	}

}
