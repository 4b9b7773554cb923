package com.payoutrunner.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.util.ClassUtils;

/**
 * The users of {@code payout.security.users}, checked before anyone may log in: a user
 * without a name, a duplicate name, an unknown or missing role, or a password that is not
 * a hash stops start-up with a message naming the user and the reason. Accepted
 * passwords: a bare bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, as
 * {@code htpasswd -B} makes them), or Spring Security's delegating format
 * {@code {id}hash} with a slow hash: bcrypt, pbkdf2, and argon2 or scrypt when
 * BouncyCastle is on the class path.
 */
final class ConfiguredUsers {

	private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");

	private static final Pattern ENCODING_ID = Pattern.compile("\\{([^{}]*)}(.*)", Pattern.DOTALL);

	private static final Set<String> CLEAR_OR_WEAK = Set.of("noop", "plain", "md4", "md5", "sha-1", "sha-256", "sha256",
			"ldap");

	private static final boolean BOUNCY_CASTLE = ClassUtils.isPresent("org.bouncycastle.crypto.params.Argon2Parameters",
			ConfiguredUsers.class.getClassLoader());

	private ConfiguredUsers() {
	}

	/**
	 * The users as Spring Security's, passwords in the {@code {id}hash} format.
	 * @throws InvalidUsersException naming each user that is wrong and why
	 */
	static List<UserDetails> load(AccessControlProperties properties) {
		List<String> problems = new ArrayList<>();
		List<UserDetails> users = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<AccessControlProperties.User> configured = properties.users();
		if (configured.isEmpty()) {
			problems.add("no users: nobody could use the API; add at least one under payout.security.users");
		}
		for (int i = 0; i < configured.size(); i++) {
			AccessControlProperties.User user = configured.get(i);
			String where = "payout.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				problems.add(where + " has no name");
				continue;
			}
			String name = user.name();
			String label = where + " (user '" + name + "')";
			List<String> reasons = new ArrayList<>();
			if (!name.equals(name.strip()) || name.contains(":")) {
				reasons.add("a name must not contain ':' or start or end with a space (HTTP Basic could not send it)");
			}
			if (!seen.add(name.toLowerCase(Locale.ROOT))) {
				reasons.add("duplicate user name (names are compared ignoring case)");
			}
			List<Role> roles = new ArrayList<>();
			for (String roleName : user.roles()) {
				Role.fromConfigName(roleName == null ? "" : roleName)
					.ifPresentOrElse(roles::add,
							() -> reasons.add("unknown role '" + roleName + "' (roles: " + Role.configNames() + ")"));
			}
			if (user.roles().isEmpty()) {
				reasons.add("no roles (roles: " + Role.configNames() + ")");
			}
			String password = null;
			try {
				password = encoded(user.password());
			}
			catch (IllegalArgumentException ex) {
				reasons.add(ex.getMessage());
			}
			if (reasons.isEmpty()) {
				users.add(User.withUsername(name).password(password).authorities(RoleAuthorities.of(roles)).build());
			}
			else {
				reasons.forEach(reason -> problems.add(label + ": " + reason));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidUsersException(problems);
		}
		return users;
	}

	/**
	 * The stored password in Spring Security's {@code {id}hash} format.
	 * @throws IllegalArgumentException when it is clear text, a weak hash or malformed
	 */
	static String encoded(String password) {
		if (password == null || password.isBlank()) {
			throw new IllegalArgumentException("no password hash");
		}
		if (BCRYPT.matcher(password).matches()) {
			return "{bcrypt}" + checkedBcrypt(password);
		}
		Matcher prefixed = ENCODING_ID.matcher(password);
		if (!prefixed.matches()) {
			throw new IllegalArgumentException(
					"the password looks like clear text: give a bcrypt hash ($2a$10$..., see docs/security.md) "
							+ "or {id}hash such as {bcrypt}$2a$10$...");
		}
		String hash = prefixed.group(2);
		if (CLEAR_OR_WEAK.contains(prefixed.group(1).toLowerCase(Locale.ROOT))) {
			throw new IllegalArgumentException("{" + prefixed.group(1)
					+ "} is clear text or a fast, unsalted hash; give a bcrypt hash (see docs/security.md)");
		}
		if (hash.isBlank()) {
			throw new IllegalArgumentException("{" + prefixed.group(1) + "} is followed by no hash");
		}
		switch (prefixed.group(1)) {
			case "bcrypt" -> checkedBcrypt(hash);
			case "pbkdf2", "pbkdf2@SpringSecurity_v5_8" -> {
			}
			case "argon2", "argon2@SpringSecurity_v5_8", "scrypt", "scrypt@SpringSecurity_v5_8" -> {
				if (!BOUNCY_CASTLE) {
					throw new IllegalArgumentException("{" + prefixed.group(1)
							+ "} needs BouncyCastle (org.bouncycastle:bcprov-jdk18on), which this build does not "
							+ "include; give a bcrypt hash");
				}
			}
			default -> throw new IllegalArgumentException("unknown password encoding {" + prefixed.group(1)
					+ "}; accepted: {bcrypt}, {pbkdf2@SpringSecurity_v5_8}, {argon2@SpringSecurity_v5_8} "
					+ "(with BouncyCastle) or a bare bcrypt hash");
		}
		return "{" + prefixed.group(1) + "}" + hash;
	}

	private static String checkedBcrypt(String hash) {
		Matcher bcrypt = BCRYPT.matcher(hash);
		if (!bcrypt.matches()) {
			throw new IllegalArgumentException("{bcrypt} is followed by something that is not a bcrypt hash");
		}
		int cost = Integer.parseInt(bcrypt.group(1));
		if (cost < 4 || cost > 31) {
			throw new IllegalArgumentException("bcrypt cost " + cost + " is outside 4 to 31");
		}
		return hash;
	}

	/** The configured users cannot be used; start-up stops with every reason. */
	static final class InvalidUsersException extends IllegalArgumentException {

		private final List<String> problems;

		InvalidUsersException(List<String> problems) {
			super("payout.security.users (config/application.yaml or its overrides) is not usable:\n  "
					+ String.join("\n  ", problems));
			this.problems = List.copyOf(problems);
		}

		List<String> problems() {
			return problems;
		}

	}

}
