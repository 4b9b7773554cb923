package com.payoutrunner.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

	@Bean
	ReportPaths reportPaths(PayoutRunnerProperties properties) {
		return new ReportPaths(properties.reportsDir());
	}

}
