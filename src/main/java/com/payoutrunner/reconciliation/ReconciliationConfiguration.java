package com.payoutrunner.reconciliation;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;

/** Our accounts, from settings: a wrong one stops start-up naming it. */
@Configuration(proxyBeanMethods = false)
class ReconciliationConfiguration {

	@Bean
	OurAccounts ourAccounts(ReconciliationProperties properties, PayoutRunnerProperties payout) {
		if (properties.accounts().isEmpty()) {
			return new OurAccounts(List.of(payout.bankFiles().sepa().debtorIban()),
					"payout.bank-files.sepa.debtor-iban (payout.reconciliation.accounts is empty)");
		}
		return new OurAccounts(properties.accounts(), "payout.reconciliation.accounts");
	}

}
