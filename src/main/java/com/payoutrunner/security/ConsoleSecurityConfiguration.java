package com.payoutrunner.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what in the operators' console (the pages {@code serve} shows at {@code /}):
 * the same users and roles as the API, but signed in once through a form and kept in a
 * session, so every state-changing form carries a CSRF token (a browser sends the session
 * cookie with any request, wherever it comes from). Sign-out is a POST to
 * {@code /logout}. Wrong passwords at the form count against the client's address with
 * the API's ({@link FailedLogins}, {@link FormSignInLimiter}). The console has every path
 * the API chain ({@link ApiSecurityConfiguration}) does not keep: {@code /api/**},
 * Actuator, the API documentation and the error page stay on HTTP Basic as they were.
 *
 * <pre>
 * /login, /console/** (style sheet), /webjars/**        anyone
 * POST /runs/{id}/stop, /restart, /abandon            operator
 * POST /events/{event}/runs (launch from the preview) operator
 * POST /dead-letters/{id}/retry, /cancel              operator
 * POST /schedules/{name}/pause, /resume, /trigger     operator
 * POST /approvals/payouts/{id}/approve, /reject       approver
 * POST /approvals/runs/{id}/approve, /reject          approver
 * other POSTs                                         admin (until a rule of their own)
 * any other page                                      viewer (every role)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurityConfiguration {

	/** Path prefixes that belong to the API's chain, not the console's. */
	private static final String[] API_CHAIN_PATHS = { "/api", "/actuator", "/v3/api-docs", "/swagger-ui",
			"/swagger-ui.html", "/error" };

	static final String SIGN_IN = "/login";

	@Bean
	@Order(1)
	SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, JsonMapper json, UserDetailsService users,
			PasswordEncoder passwordEncoder, FailedLogins failedLogins) throws Exception {
		// Wrong passwords at the form count against the address as the API's 401s do.
		FormSignInLimiter limiter = new FormSignInLimiter(failedLogins, SIGN_IN);
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		http.securityMatcher(ConsoleSecurityConfiguration::isConsolePath)
			// Besides the CSRF token: a state-changing request a browser marks as
			// cross-site is refused before anything else, as for the API.
			.addFilterBefore(new CrossSiteRequestFilter(new SecurityProblems(json)), CsrfFilter.class)
			.addFilterBefore(limiter, UsernamePasswordAuthenticationFilter.class)
			.authenticationManager(new ProviderManager(passwords))
			.formLogin(form -> form.loginPage(SIGN_IN).defaultSuccessUrl("/runs").failureHandler(limiter).permitAll())
			.logout(logout -> logout.logoutSuccessUrl(SIGN_IN + "?signed-out").permitAll())
			.httpBasic(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
				.permitAll()
				// The sign-in page with any message (?error, ?limited=N, ?signed-out).
				.requestMatchers(HttpMethod.GET, SIGN_IN, "/console/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/runs/*/stop", "/runs/*/restart", "/runs/*/abandon",
						"/events/*/runs", "/dead-letters/*/retry", "/dead-letters/*/cancel", "/schedules/*/pause",
						"/schedules/*/resume", "/schedules/*/trigger")
				.hasRole(Role.OPERATOR.name())
				.requestMatchers(HttpMethod.POST, "/approvals/payouts/*/approve", "/approvals/payouts/*/reject",
						"/approvals/runs/*/approve", "/approvals/runs/*/reject")
				.hasRole(Role.APPROVER.name())
				.requestMatchers(HttpMethod.POST, "/**")
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.hasRole(Role.VIEWER.name()));
		return http.build();
	}

	static boolean isConsolePath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String prefix : API_CHAIN_PATHS) {
			if (path.equals(prefix) || path.startsWith(prefix + "/")) {
				return false;
			}
		}
		return true;
	}

}
