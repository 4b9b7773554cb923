package com.payoutrunner.eligibility;

import static com.payoutrunner.payout.PayoutCandidates.aPayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutStatus;

class EligibilityProcessorTests {

	private final EligibilityProcessor processor = new EligibilityProcessor(new EligibilityPolicy(
			java.time.LocalDate.of(2026, 11, 23), java.time.Instant.parse("2026-11-23T12:00:00Z")));

	@ParameterizedTest
	@EnumSource(value = PayoutStatus.class, names = { "QUEUED", "SENDING" })
	void filtersAPayoutWhoseLineIsAlreadyInFlight(PayoutStatus status) {
		assertThat(processor.process(aPayout().status(status).method("Crypto").build())).isNull();
	}

	@Test
	void passesAnEligiblePayoutOnUnchanged() {
		PayoutCandidate payout = aPayout().build();

		assertThat(processor.process(payout)).isSameAs(payout);
	}

	@Test
	void throwsTheSkipOfAnIneligiblePayout() {
		PayoutCandidate payout = aPayout().method("Crypto").build();

		assertThatExceptionOfType(PayoutSkippedException.class).isThrownBy(() -> processor.process(payout))
			.satisfies(skip -> {
				assertThat(skip.category()).isEqualTo(SkipCategory.INVALID_METHOD);
				assertThat(skip.category().code()).isEqualTo("invalid_method");
				assertThat(skip.reason()).isEqualTo("payment method 'Crypto' is not accepted (ACH or Wire)");
			});
	}

	@ParameterizedTest
	@EnumSource(value = PayoutStatus.class, names = { "SENT", "SETTLED", "RETURNED" })
	void skipsRatherThanFiltersAPayoutThatWasAlreadySent(PayoutStatus status) {
		PayoutCandidate payout = aPayout().status(status).paymentOrderId("PO-7").build();

		assertThatExceptionOfType(PayoutSkippedException.class).isThrownBy(() -> processor.process(payout))
			.extracting(PayoutSkippedException::category)
			.isEqualTo(SkipCategory.EXISTING_PAYMENT_ORDER);
	}

}
