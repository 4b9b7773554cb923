package com.payoutrunner.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Roles to Spring Security authorities: the one place that knows how a granted role
 * becomes the {@code ROLE_*} authorities the filter chain checks. The configured users go
 * through it today; an external identity provider later plugs in here too (a JWT resource
 * server's authorities converter maps a token's roles claim with
 * {@link #of(Collection)}), leaving the access rules untouched.
 */
final class RoleAuthorities {

	static final String PREFIX = "ROLE_";

	private RoleAuthorities() {
	}

	/** The authorities of these roles, implied roles included. */
	public static List<GrantedAuthority> of(Collection<Role> roles) {
		Set<Role> all = EnumSet.noneOf(Role.class);
		roles.forEach(role -> all.addAll(role.implied()));
		return all.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(PREFIX + role.name())).toList();
	}

	/**
	 * The authorities of role names as an identity provider sends them; names that are
	 * not roles of this application grant nothing.
	 */
	public static List<GrantedAuthority> ofNames(Collection<String> names) {
		return of(names.stream().flatMap(name -> Role.fromConfigName(name).stream()).toList());
	}

}
