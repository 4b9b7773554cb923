package com.payoutrunner.intake;

import java.time.LocalDate;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;
import com.payoutrunner.payout.Priority;

/**
 * A valid row, ready to store. Country, payment method, external account and amount may
 * be missing: those are the run's eligibility checks (missing_country, invalid_method,
 * ...), so the payout is stored and skipped with a category, not lost at import.
 */
record ImportedPayout(long line, String investorId, String investorName, String country, String paymentMethod,
		String externalAccountId, Money amount, String currency, boolean hasUsBankAccount, Priority priority,
		BankDetails bank, LocalDate scheduledDate) {
}
