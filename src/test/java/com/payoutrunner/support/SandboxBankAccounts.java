package com.payoutrunner.support;

/**
 * Accounts the sandbox bank of every test context treats as faults, known to no test but
 * the ones that ask for them, so that one list serves every context.
 */
public final class SandboxBankAccounts {

	/** An IBAN the bank refuses for good (404 account_not_found: dead-lettered). */
	public static final String REFUSED_IBAN = "DE19100100100000000404";

	/** An external account id the bank does not hold (404 account_not_found). */
	public static final String NOT_HELD = "ea_not_held_here";

	private SandboxBankAccounts() {
	}

}
