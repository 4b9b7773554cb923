package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffPolicyTests {

	final BackoffPolicy policy = BackoffPolicy.defaults();

	@ParameterizedTest(name = "retry {0}: {1} ms without jitter")
	@CsvSource({ "1, 1000", "2, 2000", "3, 4000", "4, 8000", "5, 16000", "6, 30000", "9, 30000" })
	void doublesFromOneSecondAndCapsAtThirtySeconds(int retry, long millis) {
		assertThat(policy.delayBefore(retry, null, () -> 0.5)).isEqualTo(Duration.ofMillis(millis));
	}

	@Test
	void jitterSpreadsTheDelayByTwentyPercentEitherWay() {
		assertThat(policy.delayBefore(3, null, () -> 0.0)).isEqualTo(Duration.ofMillis(3200));
		assertThat(policy.delayBefore(3, null, () -> 0.999999)).isBetween(Duration.ofMillis(4799),
				Duration.ofMillis(4800));
	}

	@Test
	void jitterNeverGoesPastTheCap() {
		assertThat(policy.delayBefore(8, null, () -> 0.999999)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void aLongerRetryAfterWinsAShorterOneDoesNot() {
		assertThat(policy.delayBefore(1, Duration.ofSeconds(10), () -> 0.5)).isEqualTo(Duration.ofSeconds(10));
		assertThat(policy.delayBefore(4, Duration.ofSeconds(1), () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
	}

	@Test
	void nonsenseSettingsAreRefused() {
		assertThatThrownBy(() -> new BackoffPolicy(-1, Duration.ofSeconds(1), 2, Duration.ofSeconds(30), 0.2))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BackoffPolicy(5, Duration.ofSeconds(60), 2, Duration.ofSeconds(30), 0.2))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BackoffPolicy(5, Duration.ofSeconds(1), 2, Duration.ofSeconds(30), 1.5))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
