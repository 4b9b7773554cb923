package com.payoutrunner.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PayoutReferenceTests {

	@Test
	void isTheCreationDayAndTheIdInHex() {
		assertThat(PayoutReference.of(42, LocalDate.of(2026, 11, 21))).isEqualTo("PO-20261121-0000002A");
		assertThat(PayoutReference.shortForm(42)).isEqualTo("PO-0000002A").hasSizeLessThanOrEqualTo(15);
	}

	@Test
	void givesTheIdBackFromEitherForm() {
		assertThat(PayoutReference.payoutId("PO-20261121-0000002A")).hasValue(42);
		assertThat(PayoutReference.payoutId(" PO-0000002A ")).hasValue(42);
		assertThat(PayoutReference.payoutId("PO-FFFFFFFF")).hasValue(0xFFFF_FFFFL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "PO-2A", "PO-20261121-0000002a", "XX-0000002A", "PO-2026112-0000002A",
			"LIQ-2024-001/INV-0001" })
	void isEmptyForAnythingElse(String text) {
		assertThat(PayoutReference.payoutId(text)).isEmpty();
	}

	@Test
	void refusesAnIdThatDoesNotFit() {
		assertThatThrownBy(() -> PayoutReference.shortForm(0x1_0000_0000L))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
