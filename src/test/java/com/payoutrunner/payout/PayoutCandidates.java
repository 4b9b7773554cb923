package com.payoutrunner.payout;

import java.time.LocalDate;
import java.util.Currency;

import com.payoutrunner.core.Money;

/**
 * Test builder for {@link PayoutCandidate}. The default is a payout every rule accepts: a
 * pending EUR-zone investor paid by wire, 1000.00 USD, normal priority, valid IBAN and
 * BIC.
 */
public final class PayoutCandidates {

	private PayoutCandidates() {
	}

	public static Builder aPayout() {
		return new Builder();
	}

	public static final class Builder {

		private long id = 1;

		private String liquidationEventId = "LE-2026-001";

		private String investorId = "INV-0001";

		private String investorName = "Ada Lovelace";

		private String country = "DE";

		private String paymentMethod = "Wire";

		private String externalAccountId = "EXT-0001";

		private Money amount = Money.parse("1000.00", Currency.getInstance("USD"));

		private String currency = "USD";

		private boolean hasUsBankAccount;

		private Priority priority = Priority.NORMAL;

		private String iban = "DE89370400440532013000";

		private String bic = "DEUTDEFF";

		private String accountNumber;

		private String routingNumber;

		private String sortCode;

		private int failedAttempts;

		private java.time.Instant nextAttemptAt;

		private LocalDate scheduledDate = LocalDate.of(2026, 11, 23);

		private PayoutStatus status = PayoutStatus.PENDING;

		private String paymentOrderId;

		public Builder id(long id) {
			this.id = id;
			return this;
		}

		public Builder event(String liquidationEventId) {
			this.liquidationEventId = liquidationEventId;
			return this;
		}

		public Builder investor(String investorId) {
			this.investorId = investorId;
			return this;
		}

		public Builder country(String country) {
			this.country = country;
			return this;
		}

		/**
		 * Alias of {@link #country(String)} that reads well in routing tests:
		 * {@code aPayout().to("JP")}.
		 */
		public Builder to(String country) {
			return country(country);
		}

		public Builder method(String paymentMethod) {
			this.paymentMethod = paymentMethod;
			return this;
		}

		public Builder externalAccount(String externalAccountId) {
			this.externalAccountId = externalAccountId;
			return this;
		}

		/**
		 * {@code "1000.00 USD"}: the amount and its currency; {@code null} for a payout
		 * without an amount.
		 */
		public Builder amount(String amountAndCurrency) {
			if (amountAndCurrency == null) {
				this.amount = null;
				return this;
			}
			String[] parts = amountAndCurrency.trim().split(" ");
			Currency parsedCurrency = Currency.getInstance(parts[1]);
			this.amount = Money.parse(parts[0], parsedCurrency);
			this.currency = parsedCurrency.getCurrencyCode();
			return this;
		}

		public Builder usBankAccount(boolean hasUsBankAccount) {
			this.hasUsBankAccount = hasUsBankAccount;
			return this;
		}

		public Builder priority(Priority priority) {
			this.priority = priority;
			return this;
		}

		public Builder iban(String iban) {
			this.iban = iban;
			return this;
		}

		public Builder bic(String bic) {
			this.bic = bic;
			return this;
		}

		public Builder accountNumber(String accountNumber) {
			this.accountNumber = accountNumber;
			return this;
		}

		public Builder routingNumber(String routingNumber) {
			this.routingNumber = routingNumber;
			return this;
		}

		public Builder sortCode(String sortCode) {
			this.sortCode = sortCode;
			return this;
		}

		/** Clears IBAN, BIC, account, routing number and sort code. */
		public Builder noBankDetails() {
			this.iban = null;
			this.bic = null;
			this.accountNumber = null;
			this.routingNumber = null;
			this.sortCode = null;
			return this;
		}

		public Builder scheduledDate(LocalDate scheduledDate) {
			this.scheduledDate = scheduledDate;
			return this;
		}

		public Builder status(PayoutStatus status) {
			this.status = status;
			return this;
		}

		public Builder paymentOrderId(String paymentOrderId) {
			this.paymentOrderId = paymentOrderId;
			return this;
		}

		public Builder failedAttempts(int failedAttempts) {
			this.failedAttempts = failedAttempts;
			return this;
		}

		public Builder nextAttemptAt(java.time.Instant nextAttemptAt) {
			this.nextAttemptAt = nextAttemptAt;
			return this;
		}

		public PayoutCandidate build() {
			return new PayoutCandidate(id, liquidationEventId, investorId, investorName, country, paymentMethod,
					externalAccountId, amount, currency, hasUsBankAccount, priority,
					new BankDetails(iban, bic, accountNumber, routingNumber, sortCode), scheduledDate, status,
					paymentOrderId, failedAttempts, nextAttemptAt, null);
		}

	}

}
