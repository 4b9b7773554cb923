package com.payoutrunner.payout;

import com.payoutrunner.core.AccountMask;

/** The beneficiary's bank coordinates; any of them may be null. */
public record BankDetails(String iban, String bic, String accountNumber, String routingNumber, String sortCode) {

	/**
	 * The identifier shown (masked) in reports: the IBAN if there is one, else the
	 * account number.
	 */
	public String maskedAccount() {
		return AccountMask.mask(iban != null ? iban : accountNumber);
	}

	/** Masked, so that a record logged by accident shows no account. */
	@Override
	public String toString() {
		return "BankDetails[iban=" + AccountMask.mask(iban) + ", bic=" + bic + ", accountNumber="
				+ AccountMask.mask(accountNumber) + ", routingNumber=" + routingNumber + ", sortCode=" + sortCode + "]";
	}
}
