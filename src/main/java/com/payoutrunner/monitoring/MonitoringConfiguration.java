package com.payoutrunner.monitoring;

import java.time.Clock;
import java.time.Duration;

import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

	@Bean
	PayoutMetrics payoutMetrics(JdbcClient jdbc, Clock clock) {
		return new PayoutMetrics(jdbc, clock, Duration.ofSeconds(5));
	}

	@Bean
	SchedulerHealthIndicator schedulerHealthIndicator(Scheduler scheduler) {
		return new SchedulerHealthIndicator(scheduler);
	}

}
