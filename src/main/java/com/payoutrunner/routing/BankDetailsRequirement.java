package com.payoutrunner.routing;

import java.util.Optional;

import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.BankDetails;

/**
 * What each rail needs to address a beneficiary: SEPA an IBAN, ACH a routing and an
 * account number, BACS a sort code and an account number, every other rail an account
 * number or an IBAN.
 */
public final class BankDetailsRequirement {

	private BankDetailsRequirement() {
	}

	public static Optional<PayoutSkippedException> check(RailRoute route, BankDetails bank) {
		String missing = switch (route.rail()) {
			case "SEPA" -> bank.iban() == null ? "an IBAN" : null;
			case "ACH" -> bank.routingNumber() == null || bank.accountNumber() == null
					? "an ABA routing number and an account number" : null;
			case "BACS" ->
				bank.sortCode() == null || bank.accountNumber() == null ? "a sort code and an account number" : null;
			default -> bank.accountNumber() == null && bank.iban() == null ? "an account number or an IBAN" : null;
		};
		return Optional.ofNullable(missing)
			.map(what -> new PayoutSkippedException(SkipCategory.MISSING_BANK_DETAILS,
					route.rail() + " needs " + what));
	}

}
