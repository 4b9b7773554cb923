package com.payoutrunner.core;

/**
 * Masks bank account identifiers for logs, reports and lists. IBAN-length values (more
 * than 12 characters) keep their first four (country and check digits) and last four:
 * FR7630006000011234567890189 → FR76*******************0189. Shorter account numbers keep
 * only their last four, and never more than half.
 */
public final class AccountMask {

	private AccountMask() {
	}

	public static String mask(String account) {
		if (account == null || account.isBlank()) {
			return "";
		}
		String value = account.replace(" ", "");
		if (value.length() <= 12) {
			int keep = Math.min(4, value.length() / 2);
			return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
		}
		return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}

}
