package com.payoutrunner.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Refuses to serve on an address other machines can reach while the demo users (published
 * passwords) or the demo encryption key are configured, naming them; on a loopback
 * address it only warns. Runs before any bean is made, so a refused start opens neither
 * the port nor the database.
 *
 * <p>
 * The address is {@code server.address} ({@code serve --address}, {@code SERVER_ADDRESS};
 * 127.0.0.1 by default). None at all means every interface, which is not loopback.
 */
final class ExposureCheck implements BeanFactoryPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(ExposureCheck.class);

	private final Environment environment;

	ExposureCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> demo = demoCredentials();
		if (demo.isEmpty()) {
			return;
		}
		String address = environment.getProperty("server.address", "");
		String where = (address.isBlank() ? "every interface" : address) + " port "
				+ environment.getProperty("server.port", "8080");
		String found = String.join(" and ", demo);
		if (!isLoopback(address)) {
			throw new ExposedDemoCredentialsException(
					"refusing to serve on " + where + ", reachable from other machines, with " + found
							+ ": configure your own (docs/security.md) or serve on 127.0.0.1");
		}
		String forwarded = environment.getProperty("server.forward-headers-strategy", "none");
		if (!"none".equalsIgnoreCase(forwarded.strip())) {
			// Loopback behind a reverse proxy is reachable from the network all the same.
			throw new ExposedDemoCredentialsException(
					"refusing to serve behind a proxy (server.forward-headers-strategy=" + forwarded + ") with " + found
							+ ": configure your own (docs/security.md)");
		}
		log.warn("serving on {} with {}: fine on this machine only; configure your own before serving elsewhere "
				+ "(docs/security.md)", where, found);
	}

	private List<String> demoCredentials() {
		List<String> found = new ArrayList<>();
		List<AccessControlProperties.User> users = Binder.get(environment)
			.bind("payout.security.users", Bindable.listOf(AccessControlProperties.User.class))
			.orElse(List.of());
		List<String> demoUsers = DemoCredentials.users(users,
				PasswordEncoderFactories.createDelegatingPasswordEncoder());
		if (!demoUsers.isEmpty()) {
			found.add("the demo user(s) " + String.join(", ", demoUsers) + " (passwords published)");
		}
		if (DemoCredentials.isDemoKey(environment.getProperty("payout.encryption.key"))) {
			found.add("the demo encryption key (payout.encryption.key, public)");
		}
		return found;
	}

	private static boolean isLoopback(String address) {
		if (address.isBlank()) {
			return false;
		}
		try {
			return InetAddress.getByName(address.strip()).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** The service would expose published credentials; start-up stops (exit 2). */
	static final class ExposedDemoCredentialsException extends IllegalArgumentException {

		ExposedDemoCredentialsException(String message) {
			super(message);
		}

	}

}
