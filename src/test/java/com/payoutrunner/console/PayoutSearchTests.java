package com.payoutrunner.console;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutSearchTests {

	@Test
	void theFiltersAreTheApisBlankOnesMeanAnyAndAPageLinkKeepsThem() {
		PayoutSearch search = PayoutSearch.of(Map.of("status", " pending ", "currency", "", "origin_module", "ops & co",
				"from", "2026-12-01", "page", "2", "unknown", "x"));

		assertThat(search.problems()).isEmpty();
		assertThat(search.filter().status()).isEqualTo("pending");
		assertThat(search.filter().currency()).isNull();
		assertThat(search.filter().from()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(search.page()).isEqualTo(2);
		assertThat(search.pageLink(3))
			.isEqualTo("/payouts?status=pending&origin_module=ops%20%26%20co&from=2026-12-01&page=3");
	}

	@Test
	void aDateOrPageThatIsNotOneIsAProblemToShowNotAFailure() {
		PayoutSearch search = PayoutSearch.of(Map.of("from", "yesterday", "to", "2026-13-01", "page", "two"));

		assertThat(search.problems()).containsExactly("from: 'yesterday' is not a date like 2026-12-05",
				"to: '2026-13-01' is not a date like 2026-12-05", "page: 'two' is not a page number");
	}

	@Test
	void anAuditActionReadsAsWords() {
		assertThat(TimelineEntry.words("payment_order_created")).isEqualTo("Payment order created");
	}

}
