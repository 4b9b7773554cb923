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
import com.payoutrunner.routing.CountryRailTable;

@Configuration(proxyBeanMethods = false)
class ConnectorConfiguration {

	@Bean
	PaymentConnector paymentConnector(PayoutRunnerProperties properties, ObjectProvider<EmbeddedBank> embeddedBank,
			JsonMapper json, Clock clock) {
		var bank = properties.bank();
		return new HttpBankConnector(() -> bank.url().isBlank() ? embedded(embeddedBank).url() : URI.create(bank.url()),
				bank.connectTimeout(), bank.requestTimeout(), json, clock);
	}

	private static EmbeddedBank embedded(ObjectProvider<EmbeddedBank> embeddedBank) {
		EmbeddedBank bank = embeddedBank.getIfAvailable();
		if (bank == null) {
			throw new IllegalStateException("payout.bank.url is empty and no embedded bank is available: set it");
		}
		return bank;
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
