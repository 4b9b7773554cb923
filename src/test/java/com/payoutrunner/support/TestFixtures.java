package com.payoutrunner.support;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.approval.RunCeilingSetting;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.connector.EmbeddedBank;
import com.payoutrunner.connector.PaymentConnectors;
import com.payoutrunner.intake.PayoutImportOperations;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.routing.CountryRailTable;

/**
 * The test-only beans of every test context: what a test may change in the running
 * application and is given back after it ({@link RestoredAfterEachTest}), so that tests
 * needing another clock, run ceiling, bank or routes share one context instead of
 * starting their own; and the fixtures the tests read the database and drive the command
 * line with.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestFixtures {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	@Primary
	TestRunCeiling testRunCeiling(@Qualifier("runCeilingSetting") RunCeilingSetting configured) {
		return new TestRunCeiling(configured);
	}

	@Bean
	@Primary
	TestSandboxBank testSandboxBank(@Qualifier("embeddedBank") EmbeddedBank sandbox) {
		return new TestSandboxBank(sandbox);
	}

	@Bean
	@Primary
	TestConnectorRoutes testConnectorRoutes(@Qualifier("connectorProcessor") ConnectorProcessor configured,
			PayoutRunnerProperties properties, PaymentConnectors connectors, CountryRailTable rails) {
		return new TestConnectorRoutes(configured, properties.connectors().defaultConnector(), connectors, rails);
	}

	@Bean
	TestFolders testFolders(PayoutRunnerProperties properties) {
		return new TestFolders(properties);
	}

	@Bean
	PayoutQueries payoutQueries(JdbcClient jdbc) {
		return new PayoutQueries(jdbc);
	}

	@Bean
	ImportedEvents importedEvents(PayoutImportOperations imports, PayoutRunOperations runs) {
		return new ImportedEvents(imports, runs);
	}

	@Bean
	ApiPayouts apiPayouts(PayoutCreation creation, Ledger ledger, PayoutRunOperations runs, JsonMapper json) {
		return new ApiPayouts(creation, ledger, runs, json);
	}

	@Bean
	CliConsole cliConsole(Environment environment) {
		return new CliConsole(environment);
	}

}
