package com.payoutrunner.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what over HTTP ({@code serve} only; the command line is not affected). HTTP
 * Basic against the users of {@code payout.security.users}, stateless (no session, so no
 * CSRF token either: every request carries its credentials), rules by path and method so
 * the controllers stay free of security. Before them, in this order: cross-site
 * state-changing requests are refused ({@link CrossSiteRequestFilter}), an address that
 * sent too many wrong passwords waits ({@link FailedLoginLimiter}), successful password
 * checks are remembered briefly ({@link CachedCredentialChecks}); after them, a body of
 * the wrong type is refused ({@link RequestBodyTypeFilter}).
 *
 * <pre>
 * GET (and HEAD) /api/**                               viewer (every role)
 * POST /api/runs/**, /api/schedules/**                 operator
 * POST /api/payouts, /api/payouts/{id}/cancel          operator
 * POST /api/reconciliations                           operator
 * POST /api/payouts/{id}/approve, .../reject           approver
 * POST /api/reconciliations/{id}/confirm               approver
 * POST /api/runs/{id}/approve, .../reject              approver
 * anything else under /api/** (routing rules, ...)     admin
 * /actuator/health                                     anyone (details: authenticated users)
 * other Actuator endpoints                             viewer
 * </pre>
 *
 * An admin holds every role. Unknown paths need a user. To move to an identity provider,
 * replace the user store with a resource server whose token roles go through
 * {@link RoleAuthorities}; the rules stay.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurityConfiguration {

	private static final String VIEWER = Role.VIEWER.name();

	private static final String OPERATOR = Role.OPERATOR.name();

	private static final String APPROVER = Role.APPROVER.name();

	private static final String ADMIN = Role.ADMIN.name();

	/** Before any other bean: a refused start opens neither the port nor the database. */
	@Bean
	static ExposureCheck exposureCheck(Environment environment) {
		return new ExposureCheck(environment);
	}

	@Bean
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JsonMapper json, UserDetailsService users,
			PasswordEncoder passwordEncoder, AuthenticationCostProperties cost, FailedLogins failedLogins, Clock clock)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(json);
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		// No CSRF token (no sessions, no cookies): cross-site requests are refused by
		// their
		// Origin / Sec-Fetch-Site headers, and simple (form, text/plain) bodies by their
		// type.
		http.csrf(AbstractHttpConfigurer::disable)
			.addFilterBefore(new CrossSiteRequestFilter(problems), CsrfFilter.class)
			.addFilterBefore(new FailedLoginLimiter(failedLogins, problems), BasicAuthenticationFilter.class)
			.addFilterAfter(new RequestBodyTypeFilter(problems), AuthorizationFilter.class)
			.authenticationManager(new CachedCredentialChecks(new ProviderManager(passwords), cost.cacheFor(), clock))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.httpBasic(basic -> basic.realmName(SecurityProblems.REALM).authenticationEntryPoint(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeHttpRequests(requests -> requests
				// Error pages rendered for a request that was already let through.
				.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.toAnyEndpoint())
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasRole(VIEWER)
				.requestMatchers(HttpMethod.HEAD, "/api/**")
				.hasRole(VIEWER)
				// Before the operators' rule on /api/runs/**: deciding on a run is an
				// approver's.
				.requestMatchers(HttpMethod.POST, "/api/runs/*/approve", "/api/runs/*/reject")
				.hasRole(APPROVER)
				.requestMatchers(HttpMethod.POST, "/api/runs", "/api/runs/**", "/api/schedules/**", "/api/payouts",
						"/api/payouts/*/cancel", "/api/reconciliations")
				.hasRole(OPERATOR)
				.requestMatchers(HttpMethod.POST, "/api/payouts/*/approve", "/api/payouts/*/reject",
						"/api/reconciliations/*/confirm")
				.hasRole(APPROVER)
				// Routing rules and whatever the API gains before it gets a rule of its
				// own.
				.requestMatchers("/api/**")
				.hasRole(ADMIN)
				.anyRequest()
				.authenticated());
		return http.build();
	}

	/**
	 * Wrong credentials per client address, counted alike at the API and the console's
	 * sign-in form. Not a filter bean: each chain places its own filter around it.
	 */
	@Bean
	FailedLogins failedLogins(AuthenticationCostProperties cost, Clock clock) {
		return new FailedLogins(cost, clock);
	}

	@Bean
	UserDetailsService configuredUsers(AccessControlProperties properties) {
		return new InMemoryUserDetailsManager(ConfiguredUsers.load(properties));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		// Reads {bcrypt}, {pbkdf2@...}, {argon2@...}: the hash names its algorithm, so
		// users can move to a stronger one one at a time.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
