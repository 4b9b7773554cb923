package com.payoutrunner.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The API's roles, as named in configuration (and later in an identity provider's
 * claims). Each role is a grant of its own; {@link #implied()} says which other roles'
 * rights it carries: every role may read, an admin may do everything.
 */
enum Role {

	/** Reads runs, schedules, reports and Actuator. */
	VIEWER,

	/**
	 * Launches, stops, restarts and abandons runs; pauses, resumes and triggers
	 * schedules; creates and cancels payouts.
	 */
	OPERATOR,

	/** Approves and rejects payouts. */
	APPROVER,

	/** Everything, routing rules included. */
	ADMIN;

	/** The name in configuration: {@code viewer}, {@code operator}... */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** This role and the roles whose rights it carries. */
	public Set<Role> implied() {
		return switch (this) {
			case VIEWER -> EnumSet.of(VIEWER);
			case OPERATOR -> EnumSet.of(OPERATOR, VIEWER);
			case APPROVER -> EnumSet.of(APPROVER, VIEWER);
			case ADMIN -> EnumSet.allOf(Role.class);
		};
	}

	/** The role of a configuration name (case-insensitive), if there is one. */
	public static Optional<Role> fromConfigName(String name) {
		return Arrays.stream(values()).filter(role -> role.configName().equalsIgnoreCase(name.trim())).findFirst();
	}

	/** The role names that configuration accepts, for error messages. */
	static String configNames() {
		return String.join(", ", Arrays.stream(values()).map(Role::configName).toList());
	}

}
