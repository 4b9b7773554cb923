package com.payoutrunner.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The published demo credentials of config/application.yaml, found in a configuration:
 * users whose password is one of the four demo passwords (checked against each user's
 * hash, so a demo password hashed anew or given to another name is found too), and the
 * demo encryption key.
 */
final class DemoCredentials {

	/** The shipped users' passwords, published in the README and docs/security.md. */
	static final List<String> PASSWORDS = List.of("viewer-demo", "operator-demo", "approver-demo", "admin-demo");

	/** The shipped {@code payout.encryption.key}, public in this repository. */
	static final String KEY = "4RZX8EJmEwBKcHHxMxvIzb2oOeLzNh+a0mqsm+cHd7w=";

	private DemoCredentials() {
	}

	/** The names of the users whose password is a demo password. */
	static List<String> users(List<AccessControlProperties.User> users, PasswordEncoder encoder) {
		List<String> found = new ArrayList<>();
		for (AccessControlProperties.User user : users) {
			String hash;
			try {
				hash = ConfiguredUsers.encoded(user.password());
			}
			catch (IllegalArgumentException ex) {
				// Not a usable hash: ConfiguredUsers stops start-up with the reason.
				continue;
			}
			// The shipped pairing first (viewer: viewer-demo), so the demo list costs one
			// bcrypt check per user.
			List<String> candidates = new ArrayList<>(PASSWORDS);
			if (candidates.remove(user.name() + "-demo")) {
				candidates.add(0, user.name() + "-demo");
			}
			if (candidates.stream().anyMatch(password -> encoder.matches(password, hash))) {
				found.add(Objects.toString(user.name(), "(no name)"));
			}
		}
		return found;
	}

	static boolean isDemoKey(String key) {
		return key != null && KEY.equals(key.strip());
	}

}
