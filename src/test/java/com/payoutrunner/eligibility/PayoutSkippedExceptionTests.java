package com.payoutrunner.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayoutSkippedExceptionTests {

	@Test
	void anAccountEchoedInTheReasonIsMaskedForEveryReportThatShowsIt() {
		var skip = new PayoutSkippedException(SkipCategory.INVALID_METHOD,
				"payment method 'DE89370400440532013000' is not accepted (ACH or Wire)");

		assertThat(skip.reason()).isEqualTo("payment method 'DE89**************3000' is not accepted (ACH or Wire)");
	}

}
