package com.payoutrunner.preview;

import static com.payoutrunner.payout.PayoutCandidates.aPayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.Money;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.fees.Fee;
import com.payoutrunner.fees.PricedPayout;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.routing.FxConversion;
import com.payoutrunner.routing.RailRoute;
import com.payoutrunner.routing.RoutedPayout;

class PreviewTotalsTests {

	final PreviewTotals totals = new PreviewTotals();

	@Test
	void addsUpEachRailCurrencyConnectorAndPayoutCurrencyApart() {
		totals.add(paid(1, "1000.00 USD", "3.00", "SEPA", "931.00 EUR", "sandbox-bank"));
		totals.add(paid(2, "2000.50 USD", "5.50", "SEPA", "1862.90 EUR", "sandbox-bank"));
		totals.add(paid(3, "500.00 EUR", "1.75", "SEPA", "498.25 EUR", "sandbox-bank"));
		totals.add(paid(4, "250000.00 USD", "1252.00", "ZENGIN", "40018578 JPY", "sandbox-bank"));
		totals.add(paid(5, "100.00 USD", "0.75", "ACH", "99.25 USD", "ach-file"));

		assertThat(totals.rows()).extracting(PreviewCsv::totalsRow)
			.containsExactly(row("ACH", "USD", "ach-file", "USD", 1L, "100.00", "0.75", "99.25", "99.25"),
					row("SEPA", "EUR", "sandbox-bank", "EUR", 1L, "500.00", "1.75", "498.25", "498.25"),
					row("SEPA", "EUR", "sandbox-bank", "USD", 2L, "3000.50", "8.50", "2992.00", "2793.90"),
					row("ZENGIN", "JPY", "sandbox-bank", "USD", 1L, "250000.00", "1252.00", "248748.00", "40018578"));
		assertThat(totals.wouldPay()).isEqualTo(5);
		assertThat(totals.payouts()).isEqualTo(5);
	}

	@Test
	void countsSkipsByCategoryMostFrequentFirstAndKeepsQueuedPayoutsOutOfTheTotals() {
		totals.add(skipped(1, SkipCategory.MISSING_COUNTRY));
		totals.add(skipped(2, SkipCategory.INVALID_METHOD));
		totals.add(skipped(3, SkipCategory.MISSING_COUNTRY));
		totals.add(skipped(4, SkipCategory.CANCELLED));
		totals.add(new PreviewOutcome.AlreadyQueued(aPayout().id(5).status(PayoutStatus.QUEUED).build()));

		assertThat(totals.skipBreakdown()).containsExactly(java.util.Map.entry("missing_country", 2L),
				java.util.Map.entry("cancelled", 1L), java.util.Map.entry("invalid_method", 1L));
		assertThat(totals.wouldSkip()).isEqualTo(4);
		assertThat(totals.alreadyQueued()).isEqualTo(1);
		assertThat(totals.wouldPay()).isZero();
		assertThat(totals.payouts()).isEqualTo(5);
		assertThat(totals.rows()).isEmpty();
	}

	@Test
	void anOverflowFailsInsteadOfWrapping() {
		totals.add(paid(1, "92233720368547758.07 USD", "0.00", "WIRE", "92233720368547758.07 USD", "sandbox-bank"));

		assertThatThrownBy(() -> totals.add(paid(2, "0.01 USD", "0.00", "WIRE", "0.01 USD", "sandbox-bank")))
			.isInstanceOf(ArithmeticException.class);
	}

	@Test
	void theSummaryIsOneLineOfJsonWithExactAmounts() {
		totals.add(paid(1, "1000.00 USD", "3.00", "SEPA", "931.00 EUR", "sandbox-bank"));
		totals.add(skipped(2, SkipCategory.MISSING_COUNTRY));
		var summary = new PreviewSummary("LIQ-1", LocalDate.of(2026, 11, 23), null, totals.payouts(), totals.wouldPay(),
				totals.wouldSkip(), totals.alreadyQueued(), totals.skipBreakdown(), totals.rows(), "/r/preview.csv",
				"/r/preview-totals.csv");

		assertThat(summary.toJson(JsonMapper.builder().build())).isEqualTo("""
				{"event":"LIQ-1","dry_run":true,"business_date":"2026-11-23","latest_run_status":null,\
				"payouts":2,"would_pay":1,"would_skip":1,"already_queued":0,"skip_breakdown":{"missing_country":1},\
				"totals":[{"rail":"SEPA","rail_currency":"EUR","connector":"sandbox-bank","currency":"USD",\
				"payouts":1,"gross":"1000.00","fees":"3.00","net":"997.00","rail_amount":"931.00"}],\
				"preview":"/r/preview.csv","preview_totals":"/r/preview-totals.csv"}""");
	}

	/** A payout the run would pay: amount, fee, rail, amount on the rail, connector. */
	private static PreviewOutcome.WouldPay paid(long id, String amount, String fee, String rail, String railAmount,
			String connector) {
		var payout = aPayout().id(id).amount(amount).build();
		Currency currency = payout.amount().currency();
		Money feeTotal = Money.parse(fee, currency);
		Money net = payout.amount().minus(feeTotal);
		String[] target = railAmount.split(" ");
		Money onRail = Money.parse(target[0], Currency.getInstance(target[1]));
		return new PreviewOutcome.WouldPay(
				new RoutedPayout(
						new PricedPayout(payout,
								new Fee(Money.ofMinor(0, currency.getCurrencyCode()), feeTotal, "test:1"), net),
						new RailRoute(rail, onRail.currency(), null, "test:1"),
						new FxConversion(net, onRail, BigDecimal.ONE, LocalDate.of(2024, 6, 28))),
				connector, LocalDate.of(2024, 7, 1));
	}

	private static PreviewOutcome.WouldSkip skipped(long id, SkipCategory category) {
		return new PreviewOutcome.WouldSkip(aPayout().id(id).build(), category, category.description());
	}

	private static Object[] row(Object... values) {
		return values;
	}

}
