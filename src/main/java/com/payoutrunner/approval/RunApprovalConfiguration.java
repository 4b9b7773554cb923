package com.payoutrunner.approval;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.FxRateTable;

/**
 * The run approval gate of {@code payoutRunJob} ({@code awaitRunApprovalStep}, see
 * {@link RunApprovalGate}) and its setting {@code payout.approvals.run-ceiling}
 * (environment {@code PAYOUT_APPROVALS_RUN_CEILING}): an amount with its currency,
 * default {@value RunCeiling#DEFAULT}, or {@code none}. A malformed value, or a currency
 * the FX table cannot convert into, stops start-up.
 */
@Configuration(proxyBeanMethods = false)
class RunApprovalConfiguration {

	@Bean
	RunCeilingSetting runCeilingSetting(
			@Value("${" + RunCeiling.PROPERTY + ":" + RunCeiling.DEFAULT + "}") String setting, FxRateTable rates) {
		RunCeiling ceiling = RunCeiling.parse(setting);
		if (!ceiling.isOff() && !rates.supports(ceiling.limit().currency())) {
			throw new IllegalArgumentException(RunCeiling.PROPERTY + " '" + setting + "': no FX rate for "
					+ ceiling.limit().code() + " in the FX table, so no run total can be compared with it");
		}
		return () -> ceiling;
	}

	@Bean
	RunTotalsJson runTotalsJson(JsonMapper json) {
		return new RunTotalsJson(json);
	}

	/**
	 * A tasklet: the decision is about the whole run. It runs again on every restart of a
	 * run (while the step is not COMPLETED), so an approval made meanwhile lets it
	 * through.
	 */
	@Bean
	Step awaitRunApprovalStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunApprovalRepository requests, RunCeilingSetting ceiling, FxConverter fx, RunTotalsJson totalsJson,
			AuditTrail audit, Clock clock) {
		RunApprovalGate gate = new RunApprovalGate(requests, ceiling, fx, totalsJson, audit, clock);
		return new StepBuilder(RunApprovalGate.STEP_NAME, jobRepository).tasklet(gate, transactionManager)
			.listener(gate)
			.build();
	}

}
