package com.payoutrunner.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * An audit event's details as JSON, written by the JSON library and never by hand: a
 * comment with quotes, a newline, a tab or any control character stays one valid string.
 */
public final class AuditDetails {

	private static final JsonMapper JSON = JsonMapper.shared();

	private AuditDetails() {
	}

	/**
	 * @param namesAndValues name, value, name, value...; values are written as JSON
	 * (strings, numbers, booleans, null; anything else by its {@code toString})
	 */
	public static String of(Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values must pair up, got " + namesAndValues.length);
		}
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			details.put((String) namesAndValues[i],
					value == null || value instanceof Number || value instanceof Boolean || value instanceof String
							? value : value.toString());
		}
		return JSON.writeValueAsString(details);
	}

}
