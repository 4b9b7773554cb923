package com.payoutrunner.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.payoutrunner.config.PayoutRunnerProperties;

/** The business calendars and the rails' cut-offs, as beans. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

	@Bean
	BusinessCalendars businessCalendars() {
		return BusinessCalendars.standard();
	}

	/** Validated at start-up, like the other reference tables. */
	@Bean
	RailCutOffs railCutOffs(PayoutRunnerProperties properties, BusinessCalendars calendars) {
		return RailCutOffs.load(properties.tables().railCutOffs(), calendars);
	}

}
