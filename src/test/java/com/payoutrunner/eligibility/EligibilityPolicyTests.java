package com.payoutrunner.eligibility;

import static com.payoutrunner.payout.PayoutCandidates.aPayout;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutCandidates;
import com.payoutrunner.payout.PayoutStatus;

class EligibilityPolicyTests {

	private static final java.time.LocalDate BUSINESS_DATE = java.time.LocalDate.of(2026, 11, 23);

	private static final java.time.Instant NOW = java.time.Instant.parse("2026-11-23T12:00:00Z");

	private final EligibilityPolicy policy = new EligibilityPolicy(BUSINESS_DATE, NOW);

	private SkipCategory categoryOf(PayoutCandidates.Builder payout) {
		return policy.check(payout.build()).map(PayoutSkippedException::category).orElse(null);
	}

	private PayoutSkippedException skipOf(PayoutCandidates.Builder payout) {
		Optional<PayoutSkippedException> skip = policy.check(payout.build());
		assertThat(skip).isPresent();
		return skip.get();
	}

	static Stream<Arguments> validPayouts() {
		return Stream.of(
				Arguments.of("SEPA with IBAN and BIC",
						aPayout().country("DE").iban("DE89370400440532013000").bic("DEUTDEFF")),
				Arguments.of("UK IBAN", aPayout().country("GB").iban("GB29NWBK60161331926819").bic("NWBKGB2L")),
				Arguments.of("IBAN with letters",
						aPayout().country("FR").iban("FR1420041010050500013M02606").bic(null)),
				Arguments.of("US by ACH",
						aPayout().country("US")
							.method("ACH")
							.noBankDetails()
							.routingNumber("021000021")
							.accountNumber("123456789")),
				Arguments.of("other ABA",
						aPayout().country("US")
							.method("ACH")
							.noBankDetails()
							.routingNumber("011000015")
							.accountNumber("987654321")),
				Arguments.of("JP with a US account",
						aPayout().country("JP")
							.usBankAccount(true)
							.noBankDetails()
							.routingNumber("021000021")
							.accountNumber("123456789")),
				Arguments.of("no bank details at all", aPayout().country("AE").noBankDetails()),
				Arguments.of("BIC with branch", aPayout().bic("DEUTDEFF500")),
				Arguments.of("failed earlier, due again", aPayout().status(PayoutStatus.FAILED)),
				Arguments.of("JPY amount", aPayout().amount("100000 JPY")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validPayouts")
	void letsAValidPayoutThrough(String description, PayoutCandidates.Builder payout) {
		assertThat(policy.check(payout.build())).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(value = PayoutStatus.class, names = { "SENT", "SETTLED", "RETURNED" })
	void skipsAPayoutWhoseStatusSaysTheBankHasAnOrder(PayoutStatus status) {
		assertThat(categoryOf(aPayout().status(status).paymentOrderId("PO-1")))
			.isEqualTo(SkipCategory.EXISTING_PAYMENT_ORDER);
	}

	@Test
	void skipsAPendingPayoutThatAlreadyCarriesAPaymentOrderId() {
		PayoutSkippedException skip = skipOf(aPayout().status(PayoutStatus.PENDING).paymentOrderId("PO-42"));

		assertThat(skip.category()).isEqualTo(SkipCategory.EXISTING_PAYMENT_ORDER);
		assertThat(skip.reason()).isEqualTo("payment order PO-42 already exists");
	}

	@Test
	void doesNotPrintNullForAnOrderWhoseIdIsUnknown() {
		PayoutSkippedException skip = skipOf(aPayout().status(PayoutStatus.SENT).paymentOrderId(null));

		assertThat(skip.category()).isEqualTo(SkipCategory.EXISTING_PAYMENT_ORDER);
		assertThat(skip.reason()).doesNotContain("null");
	}

	@ParameterizedTest
	@CsvSource({ "CANCELLED, CANCELLED", "AWAITING_APPROVAL, AWAITING_APPROVAL", "DEAD_LETTER, DEAD_LETTER",
			"REJECTED, REJECTED" })
	void skipsAPayoutInAStatusARunMustNotPay(PayoutStatus status, SkipCategory category) {
		assertThat(categoryOf(aPayout().status(status))).isEqualTo(category);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ACH", "Wire", "wire", "WIRE", "ach", " Wire " })
	void acceptsAchAndWireInAnyCase(String method) {
		assertThat(policy.check(aPayout().method(method).build())).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Crypto", "Check", "SEPA", "Wires" })
	void skipsAnyOtherPaymentMethod(String method) {
		PayoutSkippedException skip = skipOf(aPayout().method(method));

		assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_METHOD);
		assertThat(skip.reason())
			.isEqualTo("payment method '" + (method == null ? "" : method) + "' is not accepted (ACH or Wire)");
	}

	@ParameterizedTest(name = "amount {0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			NULL       | amount is missing
			0.00 USD   | amount 0.00 USD is not above zero
			-5.00 USD  | amount -5.00 USD is not above zero
			0 JPY      | amount 0 JPY is not above zero
			""")
	void skipsAMissingOrNonPositiveAmount(String amount, String reason) {
		PayoutSkippedException skip = skipOf(aPayout().amount(amount));

		assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_AMOUNT);
		assertThat(skip.reason()).isEqualTo(reason);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = "   ")
	void skipsAPayoutWithoutExternalAccount(String externalAccount) {
		PayoutSkippedException skip = skipOf(aPayout().externalAccount(externalAccount));

		assertThat(skip.category()).isEqualTo(SkipCategory.MISSING_EXTERNAL_ACCOUNT);
		assertThat(skip.reason()).isEqualTo("external_account_id is empty");
	}

	@Test
	void aPayoutFromTheApiMayBeAddressedByCoordinatesAlone() {
		assertThat(policy.check(aPayout().event(null).externalAccount(null).iban("DE89370400440532013000").build()))
			.isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = "  ")
	void skipsAPayoutWithoutCountry(String country) {
		PayoutSkippedException skip = skipOf(aPayout().country(country));

		assertThat(skip.category()).isEqualTo(SkipCategory.MISSING_COUNTRY);
		assertThat(skip.reason()).isEqualTo("country is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DE89370400440532013001", "DE88370400440532013000", "DE8937040044053201300",
			"GB29NWBK6016133192681", "ZZ89370400440532013000" })
	void skipsAnIbanThatFailsItsCheckDigitsOrLength(String iban) {
		assertThat(categoryOf(aPayout().iban(iban))).isEqualTo(SkipCategory.INVALID_IBAN);
	}

	@Test
	void masksTheIbanInTheReason() {
		assertThat(skipOf(aPayout().iban("DE89370400440532013001")).reason())
			.isEqualTo("IBAN DE89**************3001 fails its check digits or length");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DEUT", "DEUTDEF", "DEUTDEFF5", "DEUT12FF", "DEUTDE-F", "DEUTZZFF" })
	void skipsAnInvalidBic(String bic) {
		PayoutSkippedException skip = skipOf(aPayout().bic(bic));

		assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_BIC);
		assertThat(skip.reason()).isEqualTo("BIC '" + bic + "' is not a valid bank identifier code");
	}

	@ParameterizedTest
	@ValueSource(strings = { "021000022", "011000016", "12345678", "02100002A" })
	void skipsARoutingNumberThatFailsTheAbaCheckDigit(String routingNumber) {
		PayoutSkippedException skip = skipOf(aPayout().country("US")
			.method("ACH")
			.noBankDetails()
			.routingNumber(routingNumber)
			.accountNumber("123456789"));

		assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_ROUTING_NUMBER);
		assertThat(skip.reason()).isEqualTo("routing number " + routingNumber + " fails the ABA check digit");
	}

	/** Ten digits or more may be an account number in the wrong column: never echoed. */
	@Test
	void aRoutingNumberLongEnoughToBeAnAccountIsMaskedInTheReason() {
		PayoutSkippedException skip = skipOf(
				aPayout().country("US").method("ACH").noBankDetails().routingNumber("0210000210").accountNumber("1"));

		assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_ROUTING_NUMBER);
		assertThat(skip.reason()).isEqualTo("routing number ******0210 fails the ABA check digit");
	}

	static Stream<Arguments> payoutsWithSeveralProblems() {
		PayoutCandidates.Builder everythingWrong = aPayout().status(PayoutStatus.SENT)
			.paymentOrderId("PO-1")
			.method("Crypto")
			.amount(null)
			.externalAccount(null)
			.country(null)
			.iban("DE00000000000000000000")
			.bic("XX")
			.routingNumber("021000022");
		return Stream.of(Arguments.of(everythingWrong.build(), SkipCategory.EXISTING_PAYMENT_ORDER),
				Arguments.of(everythingWrong.status(PayoutStatus.CANCELLED).paymentOrderId(null).build(),
						SkipCategory.CANCELLED),
				Arguments.of(everythingWrong.status(PayoutStatus.AWAITING_APPROVAL).build(),
						SkipCategory.AWAITING_APPROVAL),
				Arguments.of(everythingWrong.status(PayoutStatus.DEAD_LETTER).build(), SkipCategory.DEAD_LETTER),
				Arguments.of(everythingWrong.status(PayoutStatus.PENDING).build(), SkipCategory.INVALID_METHOD),
				Arguments.of(everythingWrong.method("ACH").build(), SkipCategory.INVALID_AMOUNT),
				Arguments.of(everythingWrong.amount("0.00 USD").build(), SkipCategory.INVALID_AMOUNT),
				Arguments.of(everythingWrong.amount("10.00 USD").build(), SkipCategory.MISSING_EXTERNAL_ACCOUNT),
				Arguments.of(everythingWrong.externalAccount("EXT-1").build(), SkipCategory.MISSING_COUNTRY),
				Arguments.of(everythingWrong.country("DE").build(), SkipCategory.INVALID_IBAN),
				Arguments.of(everythingWrong.iban("DE89370400440532013000").build(), SkipCategory.INVALID_BIC),
				Arguments.of(everythingWrong.bic("DEUTDEFF").build(), SkipCategory.INVALID_ROUTING_NUMBER),
				Arguments.of(everythingWrong.routingNumber("021000021").build(), null));
	}

	@ParameterizedTest(name = "[{index}] -> {1}")
	@MethodSource("payoutsWithSeveralProblems")
	void reportsTheFirstFailureInOrderOfPrecedence(PayoutCandidate payout, SkipCategory expected) {
		assertThat(policy.check(payout).map(PayoutSkippedException::category).orElse(null)).isEqualTo(expected);
	}

	@Test
	void aPayoutScheduledAfterTheBusinessDateWaits() {
		PayoutSkippedException skip = skipOf(aPayout().scheduledDate(BUSINESS_DATE.plusDays(1)));

		assertThat(skip.category()).isEqualTo(SkipCategory.NOT_YET_DUE);
		assertThat(skip.reason()).isEqualTo("scheduled for 2026-11-24, after the run's business date 2026-11-23");
	}

	@Test
	void aPayoutScheduledOnTheBusinessDateIsDue() {
		assertThat(policy.check(aPayout().scheduledDate(BUSINESS_DATE).build())).isEmpty();
	}

	@Test
	void aFailedPayoutWaitsUntilItsNextAttemptIsDue() {
		PayoutSkippedException skip = skipOf(
				aPayout().status(PayoutStatus.FAILED).failedAttempts(2).nextAttemptAt(NOW.plusSeconds(60)));

		assertThat(skip.category()).isEqualTo(SkipCategory.RETRY_NOT_DUE);
		assertThat(skip.reason()).isEqualTo("submission failed 2 time(s); due again at 2026-11-23T12:01:00Z");
	}

	@Test
	void aFailedPayoutWhoseNextAttemptIsDueIsPaidAgain() {
		assertThat(policy.check(aPayout().status(PayoutStatus.FAILED).failedAttempts(1).nextAttemptAt(NOW).build()))
			.isEmpty();
	}

}
