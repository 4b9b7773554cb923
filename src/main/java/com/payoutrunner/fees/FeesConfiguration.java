package com.payoutrunner.fees;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;

@Configuration(proxyBeanMethods = false)
class FeesConfiguration {

	@Bean
	FeeSchedule feeSchedule(PayoutRunnerProperties properties, MoneyConversion conversion) {
		return FeeSchedule.load(properties.tables().feeSchedule(), conversion::canConvert);
	}

	@Bean
	FeeCalculator feeCalculator(FeeSchedule schedule, MoneyConversion conversion) {
		return new FeeCalculator(schedule, conversion);
	}

	@Bean
	Pricing pricing(FeeSchedule schedule, FeeCalculator calculator) {
		return new Pricing(schedule, calculator);
	}

	/**
	 * The ceiling states its currency like the fee schedule's amounts ("EUR 100000.00");
	 * a bad one stops start-up naming the property.
	 */
	@Bean
	ApprovalPolicy approvalPolicy(MoneyConversion conversion,
			@Value("${payout.approvals.ceiling:EUR 100000.00}") String ceiling) {
		try {
			return new ApprovalPolicy(conversion, Money.parseStated(ceiling));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("payout.approvals.ceiling: " + ex.getMessage(), ex);
		}
	}

}
