package com.payoutrunner.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks bank account identifiers for logs, reports and lists. IBAN-length values (more
 * than 12 characters) keep their first four (country and check digits) and last four:
 * FR7630006000011234567890189 → FR76*******************0189. Shorter account numbers keep
 * only their last four, and never more than half.
 */
public final class AccountMask {

	/**
	 * An IBAN, compact or printed in groups of four: country, check digits, then 11 to 30
	 * letters and digits (15 in all at least, Norway's length).
	 */
	private static final Pattern IBAN = Pattern
		.compile("(?i)\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");

	/**
	 * An account number: ten digits or more, standing alone and not an amount's integer
	 * part. Nine-digit ABA routing numbers are public bank ids and stay readable.
	 */
	private static final Pattern ACCOUNT_NUMBER = Pattern
		.compile("(?<![0-9A-Za-z._-])[0-9]{10,}(?![0-9A-Za-z]|\\.[0-9])");

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

	/**
	 * The text with whatever looks like an IBAN or an account number in it masked: for
	 * messages that echo what a file or a client sent (a shifted row puts an IBAN into
	 * the country column, and its row error would otherwise show it in clear).
	 */
	public static String maskWithin(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return replace(ACCOUNT_NUMBER, replace(IBAN, text));
	}

	private static String replace(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String found = matcher.group();
			boolean account = found.replace(" ", "").length() >= 15 || pattern == ACCOUNT_NUMBER;
			matcher.appendReplacement(out, Matcher.quoteReplacement(account ? mask(found) : found));
		}
		matcher.appendTail(out);
		return out.toString();
	}

}
