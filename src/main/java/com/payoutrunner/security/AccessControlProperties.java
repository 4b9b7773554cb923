package com.payoutrunner.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code payout.security} (config/application.yaml): who may use the API.
 * Checked when {@code serve} starts (see {@link ConfiguredUsers}).
 *
 * @param users the API's users, each with a hashed password and roles
 */
@ConfigurationProperties("payout.security")
record AccessControlProperties(@DefaultValue List<User> users) {

	/**
	 * @param name the user name given with HTTP Basic
	 * @param password a hash: bcrypt ({@code $2a$10$...}, as htpasswd -B makes it) or
	 * Spring Security's {@code {id}hash} format ({@code {bcrypt}...}); never clear text
	 * @param roles viewer, operator, approver, admin
	 */
	public record User(String name, String password, @DefaultValue List<String> roles) {
	}

}
