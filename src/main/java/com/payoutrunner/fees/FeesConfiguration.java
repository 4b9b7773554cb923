package com.payoutrunner.fees;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;

@Configuration(proxyBeanMethods = false)
class FeesConfiguration {

	@Bean
	FeeSchedule feeSchedule(PayoutRunnerProperties properties) {
		return FeeSchedule.load(properties.tables().feeSchedule());
	}

	@Bean
	FeeCalculator feeCalculator(FeeSchedule schedule) {
		return new FeeCalculator(schedule);
	}

}
