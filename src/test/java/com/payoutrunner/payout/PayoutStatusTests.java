package com.payoutrunner.payout;

import static com.payoutrunner.payout.PayoutStatus.AWAITING_APPROVAL;
import static com.payoutrunner.payout.PayoutStatus.CANCELLED;
import static com.payoutrunner.payout.PayoutStatus.DEAD_LETTER;
import static com.payoutrunner.payout.PayoutStatus.FAILED;
import static com.payoutrunner.payout.PayoutStatus.PENDING;
import static com.payoutrunner.payout.PayoutStatus.QUEUED;
import static com.payoutrunner.payout.PayoutStatus.REJECTED;
import static com.payoutrunner.payout.PayoutStatus.RETURNED;
import static com.payoutrunner.payout.PayoutStatus.SENDING;
import static com.payoutrunner.payout.PayoutStatus.SENT;
import static com.payoutrunner.payout.PayoutStatus.SETTLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayoutStatusTests {

	static Stream<Arguments> transitions() {
		return Stream.of(Arguments.of(PENDING, EnumSet.of(AWAITING_APPROVAL, QUEUED, CANCELLED)),
				Arguments.of(AWAITING_APPROVAL, EnumSet.of(PENDING, CANCELLED, REJECTED)),
				Arguments.of(QUEUED, EnumSet.of(SENDING, CANCELLED, PENDING)),
				Arguments.of(SENDING, EnumSet.of(SENT, FAILED, REJECTED, DEAD_LETTER)),
				Arguments.of(SENT, EnumSet.of(SETTLED, RETURNED, DEAD_LETTER)),
				Arguments.of(FAILED, EnumSet.of(QUEUED, CANCELLED)), Arguments.of(REJECTED, EnumSet.of(QUEUED)),
				Arguments.of(DEAD_LETTER, EnumSet.of(QUEUED, CANCELLED, PENDING)),
				Arguments.of(CANCELLED, EnumSet.noneOf(PayoutStatus.class)),
				Arguments.of(SETTLED, EnumSet.of(RETURNED)),
				Arguments.of(RETURNED, EnumSet.noneOf(PayoutStatus.class)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("transitions")
	void allowsExactlyTheDesignedTransitions(PayoutStatus from, Set<PayoutStatus> allowed) {
		assertThat(from.allowedNext()).containsExactlyInAnyOrderElementsOf(allowed);
		for (PayoutStatus to : PayoutStatus.values()) {
			assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed.contains(to));
		}
	}

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "PENDING, QUEUED, true", "SENT, QUEUED, false", "SENT, SENDING, false", "SENDING, QUEUED, false",
			"QUEUED, SENT, false", "FAILED, QUEUED, true", "PENDING, PENDING, false", "SETTLED, RETURNED, true",
			"RETURNED, SETTLED, false" })
	void answersSingleTransitions(PayoutStatus from, PayoutStatus to, boolean allowed) {
		assertThat(from.canMoveTo(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@EnumSource(value = PayoutStatus.class, names = { "CANCELLED", "RETURNED" })
	void terminalStatusesLeadNowhere(PayoutStatus status) {
		assertThat(status.allowedNext()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(PayoutStatus.class)
	void onlyReachesStatusesThatCannotLoseAPaymentOrder(PayoutStatus status) {
		if (status.hasPaymentOrder()) {
			// The one way out: the bank rejected a filed order (pain.002 RJCT), so no
			// payment exists and an operator decides in the dead-letter queue.
			assertThat(status.allowedNext())
				.allMatch(next -> next.hasPaymentOrder() || (status == SENT && next == DEAD_LETTER));
		}
	}

	@ParameterizedTest
	@CsvSource({ "PENDING, false", "AWAITING_APPROVAL, false", "QUEUED, false", "SENDING, false", "SENT, true",
			"FAILED, false", "REJECTED, false", "DEAD_LETTER, false", "CANCELLED, false", "SETTLED, true",
			"RETURNED, true" })
	void knowsWhenTheBankHoldsAPaymentOrder(PayoutStatus status, boolean hasPaymentOrder) {
		assertThat(status.hasPaymentOrder()).isEqualTo(hasPaymentOrder);
	}

	@ParameterizedTest
	@EnumSource(PayoutStatus.class)
	void roundTripsThroughItsCode(PayoutStatus status) {
		assertThat(PayoutStatus.fromCode(status.code())).isEqualTo(status);
	}

	@ParameterizedTest
	@CsvSource({ "dead_letter, DEAD_LETTER", "awaiting_approval, AWAITING_APPROVAL", "Sent, SENT" })
	void readsCodes(String code, PayoutStatus status) {
		assertThat(PayoutStatus.fromCode(code)).isEqualTo(status);
		assertThat(status.code()).isEqualTo(code.toLowerCase(Locale.ROOT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "paid", "dead-letter", "" })
	void rejectsUnknownCodes(String code) {
		assertThatIllegalArgumentException().isThrownBy(() -> PayoutStatus.fromCode(code));
	}

}
