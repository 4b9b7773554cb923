package com.payoutrunner.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

import com.payoutrunner.payout.PayoutCandidate;

/**
 * Decides whether a run may pay a payout. Checks run in a fixed order and the first
 * failure wins, so a payout with several problems always reports the same category. Pure:
 * no Spring, no database.
 */
public final class EligibilityPolicy {

	private static final Set<String> ACCEPTED_METHODS = Set.of("ACH", "WIRE");

	private static final ABANumberCheckDigit ABA = new ABANumberCheckDigit();

	private final LocalDate businessDate;

	private final Instant now;

	/**
	 * @param businessDate the run's business date: payouts scheduled after it wait
	 * @param now when the run looks: failed payouts due later wait
	 */
	public EligibilityPolicy(LocalDate businessDate, Instant now) {
		this.businessDate = businessDate;
		this.now = now;
	}

	/**
	 * @return the reason not to pay, or empty when the payout may go on to pricing and
	 * routing
	 */
	public Optional<PayoutSkippedException> check(PayoutCandidate payout) {
		if (payout.paymentOrderId() != null) {
			return skip(SkipCategory.EXISTING_PAYMENT_ORDER,
					"payment order " + payout.paymentOrderId() + " already exists");
		}
		if (payout.status().hasPaymentOrder()) {
			return skip(SkipCategory.EXISTING_PAYMENT_ORDER,
					"payout is already " + payout.status().code() + " with the bank");
		}
		switch (payout.status()) {
			case CANCELLED -> {
				return skip(SkipCategory.CANCELLED, "payout was cancelled");
			}
			case REJECTED -> {
				return skip(SkipCategory.REJECTED, "payout was rejected");
			}
			case AWAITING_APPROVAL -> {
				return skip(SkipCategory.AWAITING_APPROVAL, "payout waits for approval");
			}
			case DEAD_LETTER -> {
				return skip(SkipCategory.DEAD_LETTER, "payout is in the dead-letter queue");
			}
			case FAILED -> {
				if (payout.nextAttemptAt() != null && payout.nextAttemptAt().isAfter(now)) {
					return skip(SkipCategory.RETRY_NOT_DUE, "submission failed " + payout.failedAttempts()
							+ " time(s); due again at " + payout.nextAttemptAt());
				}
			}
			default -> {
			}
		}
		String method = payout.paymentMethod();
		if (method == null || !ACCEPTED_METHODS.contains(method.trim().toUpperCase(java.util.Locale.ROOT))) {
			return skip(SkipCategory.INVALID_METHOD,
					"payment method '" + (method == null ? "" : method) + "' is not accepted (ACH or Wire)");
		}
		if (payout.amount() == null || !payout.amount().isPositive()) {
			return skip(SkipCategory.INVALID_AMOUNT,
					"amount " + (payout.amount() == null ? "is missing" : payout.amount() + " is not above zero"));
		}
		// An event's investors are paid to their external accounts (seed 002); a payout
		// from the API may instead give coordinates, checked when it was created.
		if (payout.liquidationEventId() != null && isBlank(payout.externalAccountId())) {
			return skip(SkipCategory.MISSING_EXTERNAL_ACCOUNT, "external_account_id is empty");
		}
		if (isBlank(payout.country())) {
			return skip(SkipCategory.MISSING_COUNTRY, "country is empty");
		}
		if (payout.scheduledDate() != null && payout.scheduledDate().isAfter(businessDate)) {
			return skip(SkipCategory.NOT_YET_DUE,
					"scheduled for " + payout.scheduledDate() + ", after the run's business date " + businessDate);
		}
		return checkBankDetails(payout);
	}

	private Optional<PayoutSkippedException> checkBankDetails(PayoutCandidate payout) {
		var bank = payout.bank();
		if (bank.iban() != null && !IbanUtil.isValid(bank.iban())) {
			return skip(SkipCategory.INVALID_IBAN,
					"IBAN " + bank.maskedAccount() + " fails its check digits or length");
		}
		if (bank.bic() != null && !isValidBic(bank.bic())) {
			return skip(SkipCategory.INVALID_BIC, "BIC '" + bank.bic() + "' is not a valid bank identifier code");
		}
		if (bank.routingNumber() != null && !ABA.isValid(bank.routingNumber())) {
			return skip(SkipCategory.INVALID_ROUTING_NUMBER,
					"routing number " + bank.routingNumber() + " fails the ABA check digit");
		}
		return Optional.empty();
	}

	private static boolean isValidBic(String bic) {
		try {
			BicUtil.validate(bic);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static Optional<PayoutSkippedException> skip(SkipCategory category, String reason) {
		return Optional.of(new PayoutSkippedException(category, reason));
	}

}
