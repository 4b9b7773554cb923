package com.payoutrunner.core;

import java.util.Optional;

/**
 * The rule every text field from outside passes before it is kept: no NUL character
 * (PostgreSQL refuses it in text, so it would fail deep in a transaction) and no more
 * than a stated number of characters. Pure.
 */
public final class FieldText {

	private FieldText() {
	}

	/** Why {@code value} may not be kept, or empty when it may; null passes. */
	public static Optional<String> problem(String value, int maxChars) {
		if (value == null) {
			return Optional.empty();
		}
		if (value.length() > maxChars) {
			return Optional.of("is longer than " + maxChars + " characters (" + value.length() + ")");
		}
		if (value.indexOf('\0') >= 0) {
			return Optional.of("contains a NUL character");
		}
		return Optional.empty();
	}

}
