package com.payoutrunner.payout;

import java.util.regex.Pattern;

/**
 * The id of a beneficiary's account or counterparty held at the bank's provider (Modern
 * Treasury's external accounts, Stripe's destinations, Wise and Mercury recipients): 1 to
 * 64 letters, digits and {@code _ . : -}, starting with a letter or digit. Strict, so
 * that no markup, whitespace or formula reaches the bank or a report.
 */
public final class ExternalAccountId {

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

	public static final String RULE = "1 to 64 letters, digits or _ . : - (the provider's id of the account)";

	private ExternalAccountId() {
	}

	public static boolean isWellFormed(String id) {
		return id != null && WELL_FORMED.matcher(id).matches();
	}

}
