package com.payoutrunner.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the application's clock with one the test moves by hand (import it with
 * {@code @Import}, autowire {@link MutableClock}), so that waiting for a retry takes no
 * time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
	}

}
