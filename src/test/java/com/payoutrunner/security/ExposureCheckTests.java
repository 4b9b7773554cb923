package com.payoutrunner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Which configurations may listen beyond loopback: none with a demo password (whatever
 * the user's name or the hash) or the demo key; any on loopback.
 */
class ExposureCheckTests {

	static final String OWN_KEY = "q3Vb2vJ8m0mH9m2QmQ1y0hN7yPZ3b6m7o8Vb0Zt6J1Q=";

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost", "127.0.0.2" })
	void onLoopbackTheDemoCredentialsOnlyWarn(String address) {
		MockEnvironment environment = shipped().withProperty("server.address", address);

		assertThatNoException().isThrownBy(() -> check(environment));
	}

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "0.0.0.0", "::", "192.0.2.10", "" })
	void beyondLoopbackTheDemoCredentialsAreRefused(String address) {
		MockEnvironment environment = shipped().withProperty("server.address", address);

		assertThatThrownBy(() -> check(environment)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("the demo user(s) admin")
			.hasMessageContaining("the demo encryption key");
	}

	@Test
	void behindAProxyTheDemoCredentialsAreRefusedEvenOnLoopback() {
		MockEnvironment environment = shipped().withProperty("server.address", "127.0.0.1")
			.withProperty("server.forward-headers-strategy", "native");

		assertThatThrownBy(() -> check(environment)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("behind a proxy");
	}

	@Test
	void aDemoPasswordHashedAnewUnderAnotherNameIsFound() {
		MockEnvironment environment = own().withProperty("payout.security.users[1].name", "alice")
			.withProperty("payout.security.users[1].password", new BCryptPasswordEncoder(4).encode("approver-demo"))
			.withProperty("payout.security.users[1].roles[0]", "approver");

		assertThatThrownBy(() -> check(environment)).hasMessageContaining("the demo user(s) alice")
			.hasMessageNotContaining("encryption key");
	}

	@Test
	void theDemoKeyAloneIsRefused() {
		MockEnvironment environment = own().withProperty("payout.encryption.key", DemoCredentials.KEY);

		assertThatThrownBy(() -> check(environment)).hasMessageContaining("the demo encryption key")
			.hasMessageNotContaining("demo user");
	}

	@Test
	void ownUsersAndKeyMayServeAnywhere() {
		assertThatNoException().isThrownBy(() -> check(own()));
	}

	private static void check(MockEnvironment environment) {
		new ExposureCheck(environment).postProcessBeanFactory(null);
	}

	/** As config/application.yaml ships, on every interface. */
	private static MockEnvironment shipped() {
		return new MockEnvironment().withProperty("server.address", "0.0.0.0")
			.withProperty("payout.encryption.key", DemoCredentials.KEY)
			.withProperty("payout.security.users[0].name", "admin")
			.withProperty("payout.security.users[0].password",
					"{bcrypt}$2a$10$y1C.MII0iLj8WQGtV1BmOe7oYcCUVCpzT9JJUqWLjs60z/cd8R7Zu")
			.withProperty("payout.security.users[0].roles[0]", "admin");
	}

	private static MockEnvironment own() {
		return new MockEnvironment().withProperty("server.address", "0.0.0.0")
			.withProperty("payout.encryption.key", OWN_KEY)
			.withProperty("payout.security.users[0].name", "admin")
			.withProperty("payout.security.users[0].password", new BCryptPasswordEncoder(4).encode("a real secret"))
			.withProperty("payout.security.users[0].roles[0]", "admin");
	}

}
