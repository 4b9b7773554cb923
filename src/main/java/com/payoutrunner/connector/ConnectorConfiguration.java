package com.payoutrunner.connector;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.sandbox.SandboxBankFaults;
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
		return new SandboxBankServer(store, json, "127.0.0.1", 0, new SandboxBankFaults(faults.seed(), faults.rate(),
				faults.retryAfter(), faults.slowResponse(), java.util.Set.copyOf(faults.rejectedAccounts())))
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
	SubmissionDispatcher submissionDispatcher(PaymentConnector connector, PayoutRunnerProperties properties) {
		var retry = properties.bank().retry();
		return new SubmissionDispatcher(
				connector, new BackoffPolicy(retry.maxRetries(), retry.initialDelay(), retry.multiplier(),
						retry.maxDelay(), retry.jitter()),
				Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
	}

	@Bean
	PaymentOrderBodies paymentOrderBodies(JsonMapper json) {
		return new PaymentOrderBodies(json);
	}

}
