package com.payoutrunner.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.core.Sha256;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The sandbox bank's own tables, on a scratch database beside the test database: none in
 * a database whose runs never use the sandbox bank, its own migration and history once it
 * starts, and the orders of a database migrated when the product's migrations still
 * created its tables (V202611211020) kept and adopted.
 */
class SandboxBankSchemaIntegrationTests extends PostgresIntegrationTest {

	/** The product migration that created the sandbox bank's tables. */
	static final String PRODUCT_CREATED_THEM = "202611211020";

	/** The product's Flyway schemas then: its own and the sandbox bank's. */
	static final String SCHEMAS_THEN = "public,sandbox_bank";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	String scratchName;

	DriverManagerDataSource scratch;

	@BeforeEach
	void freshScratchDatabase() {
		String url = environment.getRequiredProperty("spring.datasource.url");
		String test = url.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
		scratchName = test + "_sandbox_schema";
		dropScratchDatabase();
		jdbc.sql("CREATE DATABASE " + scratchName).update();
		scratch = new DriverManagerDataSource(url.replace("/" + test, "/" + scratchName),
				environment.getProperty("spring.datasource.username"),
				environment.getProperty("spring.datasource.password"));
	}

	@AfterEach
	void dropScratchDatabase() {
		jdbc.sql("DROP DATABASE IF EXISTS " + scratchName + " WITH (FORCE)").update();
	}

	@Test
	void aDatabaseWhoseRunsNeverUseTheSandboxBankHasNoneOfItsTablesUntilItStarts() {
		migrateProduct(null, currentSchemas());

		assertThat(sandboxBankSchemas()).as("the sandbox bank's schema after the product's migrations").isZero();

		SandboxBankSchema.migrate(scratch);
		SandboxBankSchema.migrate(scratch);

		assertThat(sandboxBankTables()).containsExactly("flyway_schema_history", "payment_orders", "received_requests");
		assertThat(sandboxBankHistory()).containsExactly("SQL 1 true");
		assertThat(scratchJdbc().sql("SELECT count(*) FROM public.flyway_schema_history WHERE script LIKE '%V1__%'")
			.query(Long.class)
			.single()).as("the sandbox bank's migration in the product's history").isZero();
	}

	@Test
	void anUpgradedDatabaseWhoseRunsNeverUsedTheSandboxBankLosesItsEmptyTables() {
		migrateProduct(PRODUCT_CREATED_THEM, SCHEMAS_THEN);

		migrateProduct(null, currentSchemas());

		assertThat(sandboxBankSchemas()).isZero();
	}

	@Test
	void aDatabaseThatUsedTheSandboxBankKeepsItsOrdersWhichTheSandboxBankAdopts() {
		migrateProduct(PRODUCT_CREATED_THEM, SCHEMAS_THEN);
		String body = "{\"amount\":\"10.00\"}";
		scratchJdbc().sql("""
				INSERT INTO sandbox_bank.payment_orders (order_id, idempotency_key, body_sha256, amount_minor, currency,
				    rail, reference)
				VALUES ('po_before_upgrade', 'key-1', :sha, 1000, 'EUR', 'SEPA', 'LIQ-1/I-1')""")
			.param("sha", Sha256.hex(body))
			.update();

		migrateProduct(null, currentSchemas());
		SandboxBankSchema.migrate(scratch);

		assertThat(sandboxBankHistory()).containsExactly("BASELINE 1 true");
		SandboxBankStore store = new SandboxBankStore(scratchJdbc(),
				new TransactionTemplate(new DataSourceTransactionManager(scratch)));
		assertThat(store
			.store(List.of(new SandboxBankStore.OrderRequest("key-1", body, 1000, "EUR", "SEPA", "LIQ-1/I-1"))))
			.as("the same key and body after the upgrade")
			.extracting(SandboxBankStore.OrderResult::orderId)
			.containsExactly("po_before_upgrade");
	}

	/** The product's migrations as Boot runs them, up to the target (null: all). */
	private void migrateProduct(String target, String schemas) {
		var flyway = Flyway.configure()
			.dataSource(scratch)
			.locations(environment.getRequiredProperty("spring.flyway.locations"))
			.schemas(schemas.split(","));
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

	private String currentSchemas() {
		return environment.getRequiredProperty("spring.flyway.schemas");
	}

	private long sandboxBankSchemas() {
		return scratchJdbc().sql("SELECT count(*) FROM pg_namespace WHERE nspname = 'sandbox_bank'")
			.query(Long.class)
			.single();
	}

	private List<String> sandboxBankTables() {
		return scratchJdbc().sql("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = 'sandbox_bank'
				ORDER BY table_name""").query(String.class).list();
	}

	private List<String> sandboxBankHistory() {
		return scratchJdbc().sql("""
				SELECT type || ' ' || version || ' ' || success FROM sandbox_bank.flyway_schema_history
				WHERE version IS NOT NULL ORDER BY installed_rank""").query(String.class).list();
	}

	private JdbcClient scratchJdbc() {
		return JdbcClient.create(scratch);
	}

}
