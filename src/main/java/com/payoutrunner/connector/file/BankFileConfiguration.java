package com.payoutrunner.connector.file;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.PaymentOrderBodies;
import com.payoutrunner.connector.SubmissionRepository;
import com.payoutrunner.connector.file.inbox.BankInbox;
import com.payoutrunner.connector.file.inbox.BankVerdictRecorder;
import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.calendar.RailCutOffs;

@Configuration(proxyBeanMethods = false)
class BankFileConfiguration {

	@Bean
	BankFileWriter bankFileWriter(BankFileRepository files, PayoutRunnerProperties properties,
			SubmissionRepository submissions, PaymentOrderBodies bodies, PayoutLifecycle lifecycle, AuditTrail audit,
			PlatformTransactionManager transactionManager, JsonMapper json, RailCutOffs cutOffs) {
		TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new BankFileWriter(files, new BankFileRenderer(properties.bankFiles(), cutOffs),
				new BankFileOutbox(properties.bankFiles().outbox()), submissions, bodies, lifecycle, audit,
				newTransaction, json);
	}

	@Bean
	BankInbox bankInbox(PayoutRunnerProperties properties, com.payoutrunner.config.InputLimits limits,
			BankVerdictRecorder recorder, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		// Bank answer files are bounded like statements: both come from the bank.
		return new BankInbox(properties.bankFiles().inbox(), limits.maxStatementBytes().toBytes(), recorder, jdbc,
				new TransactionTemplate(transactionManager));
	}

}
