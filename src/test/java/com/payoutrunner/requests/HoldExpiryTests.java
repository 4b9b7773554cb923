package com.payoutrunner.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.payoutrunner.payout.PayoutStatus;

class HoldExpiryTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "PENDING, CANCEL_PAYOUT", "AWAITING_APPROVAL, CANCEL_PAYOUT", "QUEUED, CANCEL_PAYOUT",
			"FAILED, CANCEL_PAYOUT", "DEAD_LETTER, CANCEL_PAYOUT", "SENDING, KEEP", "SENT, KEEP", "SETTLED, KEEP",
			"CANCELLED, EXPIRE_HOLD", "REJECTED, EXPIRE_HOLD", "RETURNED, EXPIRE_HOLD" })
	void aHoldPastExpiryMeansForItsPayout(PayoutStatus status, HoldExpiry.Fate fate) {
		assertThat(HoldExpiry.fateOf(status)).isEqualTo(fate);
	}

	@ParameterizedTest
	@EnumSource(PayoutStatus.class)
	void onlyCancelsWhatMayBeCancelledAndNeverWhatIsBeingPaid(PayoutStatus status) {
		if (HoldExpiry.fateOf(status) == HoldExpiry.Fate.CANCEL_PAYOUT) {
			assertThat(status.canMoveTo(PayoutStatus.CANCELLED)).isTrue();
			assertThat(status.hasPaymentOrder()).isFalse();
		}
		if (status == PayoutStatus.SENDING || status == PayoutStatus.SENT) {
			assertThat(HoldExpiry.fateOf(status)).isEqualTo(HoldExpiry.Fate.KEEP);
		}
	}

}
