package com.payoutrunner.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The start-up check of payout.security.users, and the demo users shipped in config/. */
class ConfiguredUsersTests {

	// "secret", bcrypt cost 4 (htpasswd -bnBC 4 "" secret makes the $2y$ form).
	static final String BCRYPT = "$2a$04$jQI5gQOz1HdVXzFQ7HbDIuFNpWp5hVxoB2y7lF/69sq6LDDnyPzIi";

	final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@Test
	void usersGetTheAuthoritiesOfTheirRolesAndTheRolesTheseImply() {
		List<UserDetails> users = ConfiguredUsers.load(properties(user("olga", "{bcrypt}" + BCRYPT, "operator"),
				user("alex", BCRYPT, "approver", "operator"), user("ada", BCRYPT, "ADMIN")));

		assertThat(authorities(users.get(0))).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
		assertThat(authorities(users.get(1))).containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_APPROVER",
				"ROLE_VIEWER");
		assertThat(authorities(users.get(2))).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_APPROVER",
				"ROLE_VIEWER");
	}

	@Test
	void aBareBcryptHashIsReadAsBcrypt() {
		UserDetails user = ConfiguredUsers.load(properties(user("olga", BCRYPT, "viewer"))).get(0);

		assertThat(user.getPassword()).isEqualTo("{bcrypt}" + BCRYPT);
		assertThat(encoder.matches("secret", user.getPassword())).isTrue();
		assertThat(encoder.matches("Secret", user.getPassword())).isFalse();
	}

	@Test
	void htpasswdHashesAreAccepted() {
		String htpasswd = "$2y$" + BCRYPT.substring(4);

		assertThat(ConfiguredUsers.encoded(htpasswd)).isEqualTo("{bcrypt}" + htpasswd);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			secret                          | looks like clear text
			{noop}secret                    | {noop} is clear text
			{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69 | {MD5} is clear text or a fast, unsalted hash
			{bcrypt}secret                  | {bcrypt} is followed by something that is not a bcrypt hash
			{sha512}abcdef                  | unknown password encoding {sha512}
			{bcrypt}                        | {bcrypt} is followed by no hash
			""")
	void startUpStopsOnAPasswordThatIsNotAHash(String password, String reason) {
		assertThatExceptionOfType(ConfiguredUsers.InvalidUsersException.class)
			.isThrownBy(() -> ConfiguredUsers.load(properties(user("olga", password, "viewer"))))
			.satisfies(ex -> assertThat(ex.problems()).singleElement()
				.asString()
				.startsWith("payout.security.users[0] (user 'olga'): ")
				.contains(reason));
	}

	@Test
	void startUpStopsNamingEveryUserThatIsWrongAndWhy() {
		assertThatExceptionOfType(ConfiguredUsers.InvalidUsersException.class)
			.isThrownBy(() -> ConfiguredUsers.load(properties(user("olga", BCRYPT, "viewer"),
					user("bob", BCRYPT, "superuser"), user("OLGA", BCRYPT, "admin"), user("eve", BCRYPT),
					user(" ", BCRYPT, "viewer"), user("a:b", BCRYPT, "viewer"))))
			.satisfies(ex -> assertThat(ex.problems()).containsExactly(
					"payout.security.users[1] (user 'bob'): unknown role 'superuser' (roles: viewer, operator, approver, admin)",
					"payout.security.users[2] (user 'OLGA'): duplicate user name (names are compared ignoring case)",
					"payout.security.users[3] (user 'eve'): no roles (roles: viewer, operator, approver, admin)",
					"payout.security.users[4] has no name",
					"payout.security.users[5] (user 'a:b'): a name must not contain ':' or start or end with a space (HTTP Basic could not send it)"))
			.withMessageStartingWith("payout.security.users (config/application.yaml or its overrides) is not usable:")
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void noUsersAtAllStopsStartUp() {
		assertThatExceptionOfType(ConfiguredUsers.InvalidUsersException.class)
			.isThrownBy(() -> ConfiguredUsers.load(properties()))
			.withMessageContaining("no users: nobody could use the API");
	}

	@Test
	void theShippedDemoUsersAreValidAndTheirDocumentedPasswordsWork() throws Exception {
		var sources = new YamlPropertySourceLoader().load("config",
				new FileSystemResource(Path.of("config/application.yaml")));
		var environment = new StandardEnvironment();
		sources.forEach(environment.getPropertySources()::addFirst);
		AccessControlProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bind("payout.security", AccessControlProperties.class)
			.get();

		List<UserDetails> users = ConfiguredUsers.load(properties);

		assertThat(users).extracting(UserDetails::getUsername)
			.containsExactly("viewer", "operator", "approver", "admin");
		for (UserDetails user : users) {
			assertThat(encoder.matches(user.getUsername() + "-demo", user.getPassword())).as(user.getUsername())
				.isTrue();
			assertThat(authorities(user)).contains("ROLE_" + user.getUsername().toUpperCase());
		}
	}

	@Test
	void rolesFromAnIdentityProviderMapToTheSameAuthorities() {
		assertThat(RoleAuthorities.ofNames(List.of("approver", "unknown")).stream().map(GrantedAuthority::getAuthority))
			.containsExactlyInAnyOrder("ROLE_APPROVER", "ROLE_VIEWER");
	}

	private static AccessControlProperties properties(AccessControlProperties.User... users) {
		return new AccessControlProperties(List.of(users));
	}

	private static AccessControlProperties.User user(String name, String password, String... roles) {
		return new AccessControlProperties.User(name, password, List.of(roles));
	}

	private static List<String> authorities(UserDetails user) {
		return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
