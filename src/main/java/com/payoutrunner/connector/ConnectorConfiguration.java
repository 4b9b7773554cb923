package com.payoutrunner.connector;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.file.BankFileFormat;
import com.payoutrunner.connector.sandbox.SandboxBankFaults;
import com.payoutrunner.routing.CountryRailTable;
import com.payoutrunner.connector.sandbox.SandboxBankServer;
import com.payoutrunner.connector.sandbox.SandboxBankStore;

@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	SandboxBankStore sandboxBankStore(JdbcClient jdbc, TransactionTemplate tx) {
		return new SandboxBankStore(jdbc, tx);
	}

	/**
	 * With no payout.bank.url, runs start a sandbox bank in-process on a free loopback
	 * port, when first needed.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	SandboxBankServer embeddedSandboxBank(SandboxBankStore store, JsonMapper json, PayoutRunnerProperties properties)
			throws IOException {
		var faults = properties.sandboxBank().faults();
		return new SandboxBankServer(store, json, "127.0.0.1", 0,
				new SandboxBankFaults(faults.seed(), faults.rate(), faults.retryAfter(), faults.slowResponse(),
						java.util.Set.copyOf(faults.rejectedAccounts()),
						java.util.Set.copyOf(faults.unknownAccounts())))
			.start();
	}

	@Bean
	PaymentConnector paymentConnector(PayoutRunnerProperties properties, ObjectProvider<SandboxBankServer> embeddedBank,
			JsonMapper json, Clock clock) {
		var bank = properties.bank();
		return new SandboxBankConnector(
				() -> bank.url().isBlank() ? embeddedBank.getObject().url() : URI.create(bank.url()),
				bank.connectTimeout(), bank.requestTimeout(), json, clock);
	}

	@Bean
	PaymentConnectors paymentConnectors(List<PaymentConnector> connectors, PayoutRunnerProperties properties) {
		var retry = properties.bank().retry();
		BackoffPolicy backoff = new BackoffPolicy(retry.maxRetries(), retry.initialDelay(), retry.multiplier(),
				retry.maxDelay(), retry.jitter());
		return new PaymentConnectors(connectors, connector -> new SubmissionDispatcher(connector, backoff, Sleeper.REAL,
				() -> ThreadLocalRandom.current().nextDouble()));
	}

	/**
	 * Validated at start-up against the connectors that exist (the bank APIs and the bank
	 * file formats) and the rails of the rail table.
	 */
	@Bean
	ConnectorRouting connectorRouting(PayoutRunnerProperties properties, PaymentConnectors connectors,
			CountryRailTable rails) {
		var config = properties.connectors();
		Map<String, ConnectorRouting.Scope> fileFormats = new LinkedHashMap<>();
		for (BankFileFormat format : BankFileFormat.values()) {
			fileFormats.put(format.connector(), new ConnectorRouting.Scope(format.rail(), format.currency()));
		}
		Set<String> known = new LinkedHashSet<>(connectors.names());
		known.addAll(fileFormats.keySet());
		return new ConnectorRouting(config.defaultConnector(),
				config.routes()
					.stream()
					.map(route -> new ConnectorRouting.Route(route.rail(), route.currency(), route.connector()))
					.toList(),
				known, rails.rails(), fileFormats);
	}

	/** The connector of each routed payout, and what it addresses the beneficiary by. */
	@Bean
	ConnectorProcessor connectorProcessor(ConnectorRouting routing) {
		Map<String, BeneficiaryAddress> files = new LinkedHashMap<>();
		for (BankFileFormat format : BankFileFormat.values()) {
			files.put(format.connector(), format.beneficiaryAddress());
		}
		return new ConnectorProcessor(routing, files);
	}

	@Bean
	PaymentOrderBodies paymentOrderBodies(JsonMapper json) {
		return new PaymentOrderBodies(json);
	}

}
