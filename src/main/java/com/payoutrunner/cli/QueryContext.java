package com.payoutrunner.cli;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;

import com.payoutrunner.calendar.BusinessCalendars;
import com.payoutrunner.calendar.RailCutOffs;
import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.fees.FeeSchedule;
import com.payoutrunner.routing.CountryRailTable;
import com.payoutrunner.routing.FxRateTable;
import com.payoutrunner.schedule.ScheduleCatalog;
import org.springframework.boot.context.annotation.ImportCandidates;

/**
 * What a command that runs no job leaves out of its context, so that it starts in a
 * fraction of the time (docs/benchmark.md#start-up): beans are made only when the command
 * needs them, and the scheduler, metrics, health, the web layer and security are not
 * configured at all. The database, Flyway's migrations and the command's services stay as
 * they are.
 */
final class QueryContext {

	/** Auto-configurations under these packages serve only {@code serve} and the jobs. */
	private static final List<String> LEFT_OUT = List.of("org.springframework.boot.quartz.",
			"org.springframework.boot.micrometer.", "org.springframework.boot.actuate.",
			"org.springframework.boot.health.", "org.springframework.boot.security.",
			"org.springframework.boot.webmvc.", "org.springframework.boot.tomcat.", "org.springframework.boot.servlet.",
			"org.springframework.boot.autoconfigure.jmx.", "org.springframework.boot.amqp.",
			"org.springframework.boot.autoconfigure.admin.", "org.springdoc.",
			// Bean validation (Hibernate Validator, with Reactor for its method
			// validation): nothing here is @Validated. HTTP message converters (with
			// Jackson 2), templates and the web server: no HTTP at all.
			"org.springframework.boot.validation.", "org.springframework.boot.http.",
			"org.springframework.boot.thymeleaf.", "org.springframework.boot.web.");

	/** Made at start-up even in this context: they check the operator's configuration. */
	private static final List<Class<?>> CHECKED_AT_START_UP = List.of(FeeSchedule.class, CountryRailTable.class,
			FxRateTable.class, RailCutOffs.class, BusinessCalendars.class, ScheduleCatalog.class, FieldCipher.class);

	private QueryContext() {
	}

	static void checkConfigurationAtStartUp(ConfigurableApplicationContext context) {
		LazyInitializationExcludeFilter eager = (name, definition, type) -> checksConfiguration(type);
		context.getBeanFactory().registerSingleton("checkConfigurationAtStartUp", eager);
	}

	private static boolean checksConfiguration(Class<?> type) {
		return type != null && (CHECKED_AT_START_UP.stream().anyMatch(checked -> checked.isAssignableFrom(type))
				|| MergedAnnotations.from(type).isPresent(ConfigurationProperties.class));
	}

	static Map<String, Object> properties() {
		return Map.of("spring.main.lazy-initialization", "true", "spring.autoconfigure.exclude", leftOut());
	}

	private static String leftOut() {
		return ImportCandidates.load(AutoConfiguration.class, QueryContext.class.getClassLoader())
			.getCandidates()
			.stream()
			.filter(name -> LEFT_OUT.stream().anyMatch(name::startsWith))
			.collect(Collectors.joining(","));
	}

}
