package com.payoutrunner.cli;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.payoutrunner.PayoutRunnerApplication;

/** Starts the application (database, migrations, validated tables) for one command. */
final class SpringContext {

	private SpringContext() {
	}

	/**
	 * Starts the context and injects the command's {@code @Autowired} fields from it: the
	 * command is made by picocli, before any context exists.
	 */
	static ConfigurableApplicationContext start(Object command) {
		ConfigurableApplicationContext context = start();
		context.getAutowireCapableBeanFactory().autowireBean(command);
		return context;
	}

	/**
	 * As {@link #start(Object)}, for a command that runs no job: a smaller context
	 * ({@link QueryContext}) that starts in a fraction of the time.
	 */
	static ConfigurableApplicationContext startWithoutJobs(Object command) {
		// Boot warms up validation, Jackson 2 and HTTP converters on a second thread:
		// a query uses none of them, and on two cores that thread competes with start-up.
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		ConfigurableApplicationContext context = builder().properties(QueryContext.properties())
			.initializers(QueryContext::checkConfigurationAtStartUp)
			.run();
		context.getAutowireCapableBeanFactory().autowireBean(command);
		return context;
	}

	static ConfigurableApplicationContext start() {
		return builder().run();
	}

	private static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(PayoutRunnerApplication.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			// The command closes the context itself; on SIGTERM a running job must first
			// stop at a
			// chunk boundary (GracefulStopListener), with its database connections still
			// open.
			.registerShutdownHook(false);
	}

}
