package com.payoutrunner.sandboxbank;

import java.io.IOException;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.EmbeddedBank;

/**
 * The sandbox bank's beans, all lazy: nothing of it starts unless a run needs the
 * embedded bank ({@code payout.bank.url} empty) or the {@code sandbox-bank} command runs
 * it.
 */
@Configuration(proxyBeanMethods = false)
class SandboxBankConfiguration {

	/** Its tables first: the sandbox bank migrates its own schema when it starts. */
	@Bean
	@Lazy
	SandboxBankStore sandboxBankStore(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx) {
		SandboxBankSchema.migrate(dataSource);
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
						Set.copyOf(faults.rejectedAccounts()), Set.copyOf(faults.unknownAccounts())))
			.start();
	}

	@Bean
	EmbeddedBank embeddedBank(@Lazy SandboxBankServer embeddedSandboxBank) {
		return embeddedSandboxBank::url;
	}

}
