package com.payoutrunner.core;

/**
 * Masks bank account identifiers for logs, reports and lists: the first four and last four characters stay,
 * the rest become stars (FR7630006000011234567890189 → FR76*******************0189). Values of eight characters
 * or fewer keep only their last four (at most half of them).
 */
public final class AccountMask {

	private AccountMask() {
	}

	public static String mask(String account) {
		if (account == null || account.isBlank()) {
			return "";
		}
		String value = account.replace(" ", "");
		if (value.length() <= 8) {
			int keep = Math.min(4, value.length() / 2);
			return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
		}
		return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}
}
