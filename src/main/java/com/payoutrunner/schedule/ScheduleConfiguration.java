package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendars;

import java.time.Clock;

import org.quartz.Scheduler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import com.payoutrunner.config.PayoutRunnerProperties;

@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

	@Bean
	NextFireTimes nextFireTimes(BusinessCalendars calendars, Clock clock) {
		return new NextFireTimes(calendars, clock);
	}

	/**
	 * Read when first needed (serve, the schedules command, the API): a one-off import or
	 * run does not depend on the schedules file.
	 */
	@Bean
	@Lazy
	ScheduleCatalog scheduleCatalog(PayoutRunnerProperties properties, BusinessCalendars calendars) {
		return ScheduleCatalog.load(properties.schedulesFile(), calendars);
	}

	@Bean
	@Lazy
	ScheduleRegistrar scheduleRegistrar(Scheduler scheduler, @Lazy ScheduleCatalog catalog) {
		return new ScheduleRegistrar(scheduler, catalog);
	}

}
