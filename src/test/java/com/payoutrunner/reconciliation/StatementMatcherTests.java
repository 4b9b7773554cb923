package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.reconciliation.StatementLine.Direction;
import com.payoutrunner.reconciliation.StatementLine.EntryStatus;

class StatementMatcherTests {

	static final LocalDate CREATED = LocalDate.of(2026, 11, 21);

	static final SentPayout SEPA_1 = sent(10, "B1-SEPA-EUR-sepa-pain001-file.xml", "B1-SEPA-EUR-sepa-pain001-file",
			99700, "EUR");

	static final SentPayout SEPA_2 = sent(11, "B1-SEPA-EUR-sepa-pain001-file.xml", "B1-SEPA-EUR-sepa-pain001-file",
			49850, "EUR");

	static final SentPayout JPY = sent(12, "ord_aaa", "B1-Zengin-JPY-sandbox-bank", 150000, "JPY");

	static final SentPayout SETTLED = new SentPayout(13, CREATED, PayoutStatus.SETTLED, "ord_bbb", "B1-X", 1L,
			Money.ofMinor(100, "USD"), Money.ofMinor(100, "USD"), Money.ofMinor(100, "USD"), Instant.EPOCH);

	/** Sent for 50.00 USD, settled for 45.00 by an earlier statement. */
	static final SentPayout SETTLED_FOR_LESS = new SentPayout(14, CREATED, PayoutStatus.SETTLED, "ord_ccc", "B1-Y", 1L,
			Money.ofMinor(5000, "USD"), Money.ofMinor(5000, "USD"), Money.ofMinor(4500, "USD"), Instant.EPOCH);

	final StatementMatcher matcher = new StatementMatcher(List.of(SEPA_1, SEPA_2, JPY, SETTLED, SETTLED_FOR_LESS));

	@Test
	void aLineNamingOnePayoutByItsReferenceSettlesIt() {
		var match = matchOne(line(Money.ofMinor(150000, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null));

		assertThat(match).isInstanceOf(LineMatch.Matched.class);
		assertThat(((LineMatch.Matched) match).payouts()).containsExactly(JPY);
		assertThat(((LineMatch.Matched) match).returned()).isFalse();
	}

	@Test
	void theShortReferenceOfANachaEntryNamesThePayoutToo() {
		var match = matchOne(
				line(Money.ofMinor(150000, "JPY"), EntryStatus.BOOKED, List.of(PayoutReference.shortForm(12)), null));

		assertThat(match).isInstanceOf(LineMatch.Matched.class);
	}

	@Test
	void aLineNamingAPaymentOrderSharedByNettedPayoutsSettlesThemAllWhenTheSumIsExact() {
		var match = matchOne(
				line(Money.ofMinor(149550, "EUR"), EntryStatus.BOOKED, List.of(), "B1-SEPA-EUR-sepa-pain001-file.xml"));

		assertThat(match).isInstanceOf(LineMatch.Matched.class);
		assertThat(((LineMatch.Matched) match).payouts()).containsExactly(SEPA_1, SEPA_2);
	}

	@Test
	void theBatchReferenceTheBankQuotesForABatchBookingNamesItsPayouts() {
		var match = matchOne(
				line(Money.ofMinor(149550, "EUR"), EntryStatus.BOOKED, List.of(), "B1-SEPA-EUR-sepa-pain001-file"));

		assertThat(((LineMatch.Matched) match).payouts()).containsExactly(SEPA_1, SEPA_2);
	}

	@Test
	void severalEndToEndIdsInOneEntryAreNettedToo() {
		var match = matchOne(line(Money.ofMinor(149550, "EUR"), EntryStatus.BOOKED, List.of(ref(10), ref(11)), null));

		assertThat(((LineMatch.Matched) match).payouts()).containsExactly(SEPA_1, SEPA_2);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "149549, EUR, amount 1495.49 EUR does not equal 1495.50 EUR", "149551, EUR, does not equal",
			"149550, USD, currency USD differs from the payouts' EUR" })
	void amountsMustMatchToTheMinorUnitInTheSameCurrency(long minor, String currency, String reason) {
		var match = matchOne(line(Money.ofMinor(minor, currency), EntryStatus.BOOKED, List.of(),
				"B1-SEPA-EUR-sepa-pain001-file.xml"));

		assertThat(match).isInstanceOf(LineMatch.Unmatched.class);
		assertThat(((LineMatch.Unmatched) match).reason()).contains(reason);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "PO-20261121-000000FF | no payout 255 (PO-20261121-000000FF)",
					"INV-0004 | 'INV-0004' is not a payout reference (PO-YYYYMMDD-XXXXXXXX)",
					"PO-20261120-0000000C | 'PO-20261120-0000000C' does not match payout 12 (PO-20261121-0000000C)",
					"PO-20261121-0000000D | payout 13 is settled, not sent" })
	void unknownOrUnsettleableReferencesAreUnmatchedWithTheReason(String reference, String reason) {
		var match = matchOne(line(Money.ofMinor(100, "USD"), EntryStatus.BOOKED, List.of(reference), null));

		assertThat(match).isInstanceOf(LineMatch.Unmatched.class);
		assertThat(((LineMatch.Unmatched) match).reason()).isEqualTo(reason);
	}

	@Test
	void anUnknownPaymentOrderIsUnmatched() {
		var match = matchOne(line(Money.ofMinor(100, "USD"), EntryStatus.BOOKED, List.of(), "ord_zzz"));

		assertThat(((LineMatch.Unmatched) match).reason())
			.isEqualTo("no payout was sent under payment order 'ord_zzz'");
	}

	@Test
	void whenTheReferencesFailThePaymentOrderIsTried() {
		var match = matchOne(line(Money.ofMinor(150000, "JPY"), EntryStatus.BOOKED, List.of("NOT-OURS"), "ord_aaa"));

		assertThat(((LineMatch.Matched) match).payouts()).containsExactly(JPY);
	}

	@Test
	void aPayoutIsSettledByOneLineOnly() {
		StatementLine first = line(Money.ofMinor(150000, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null);
		StatementLine again = new StatementLine(3, first.bookingDate(), first.amount(), Direction.DEBIT,
				EntryStatus.BOOKED, "B2", List.of(ref(12)), null, null);

		List<LineMatch> matches = matcher.match(List.of(first, again));

		assertThat(matches.get(0)).isInstanceOf(LineMatch.Matched.class);
		assertThat(((LineMatch.Unmatched) matches.get(1)).reason()).isEqualTo("payout 12 is already matched by line 2");
	}

	@Test
	void aReturnedLineReturnsItsPayoutsAndAPendingOneWaits() {
		var returned = matchOne(new StatementLine(2, CREATED, Money.ofMinor(150000, "JPY"), Direction.CREDIT,
				EntryStatus.RETURNED, "B", List.of(ref(12)), null, "AC04"));
		var pending = matchOne(line(Money.ofMinor(150000, "JPY"), EntryStatus.PENDING, List.of(ref(12)), null));
		var credit = matchOne(new StatementLine(2, CREATED, Money.ofMinor(150000, "JPY"), Direction.CREDIT,
				EntryStatus.BOOKED, "B", List.of(ref(12)), null, null));

		assertThat(((LineMatch.Matched) returned).returned()).isTrue();
		assertThat(pending).isInstanceOf(LineMatch.Ignored.class);
		assertThat(((LineMatch.Unmatched) credit).reason()).contains("booked credit");
	}

	@Test
	void aSinglePayoutBookedForLessSettlesForLessButNeverForMore() {
		var less = matchOne(charged(line(Money.ofMinor(140000, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null),
				Money.ofMinor(10000, "JPY"), null));
		var more = matchOne(line(Money.ofMinor(150001, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null));

		var matched = (LineMatch.Matched) less;
		assertThat(matched.settledForLess()).isTrue();
		assertThat(matched.outcome()).isEqualTo("settled_for_less");
		assertThat(matched.amountFor(JPY)).isEqualTo(Money.ofMinor(140000, "JPY"));
		assertThat(((LineMatch.Unmatched) more).reason())
			.isEqualTo("amount 150001 JPY does not equal 150000 JPY, the rail amount of payout(s) 12");
	}

	@Test
	void aBookingForLessThatDoesNotSayWhyNeedsReview() {
		StatementLine paidLess = line(Money.ofMinor(140000, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null);

		var silent = matchOne(paidLess);
		var chargesShort = matchOne(charged(paidLess, Money.ofMinor(9999, "JPY"), null));
		var zeroCharges = matchOne(charged(paidLess, Money.ofMinor(0, "JPY"), null));
		var reasonCode = matchOne(charged(paidLess, null, "FEES"));

		assertThat(silent).isInstanceOfSatisfying(LineMatch.NeedsReview.class, review -> {
			assertThat(review.payouts()).containsExactly(JPY);
			assertThat(review.reason()).isEqualTo("paid 140000 JPY of 150000 JPY, short by 10000 JPY without charges"
					+ " or a reason code saying why: needs review, nothing changed");
		});
		assertThat(((LineMatch.NeedsReview) chargesShort).reason())
			.endsWith("which the charges of 9999 JPY do not make up: needs review");
		assertThat(zeroCharges).isInstanceOf(LineMatch.NeedsReview.class);
		assertThat(reasonCode).isInstanceOfSatisfying(LineMatch.Matched.class,
				matched -> assertThat(matched.outcome()).isEqualTo("settled_for_less"));
	}

	@Test
	void aLineNeedingReviewStillClaimsItsPayout() {
		StatementLine paidLess = line(Money.ofMinor(140000, "JPY"), EntryStatus.BOOKED, List.of(ref(12)), null);
		StatementLine full = new StatementLine(3, CREATED, Money.ofMinor(150000, "JPY"), Direction.DEBIT,
				EntryStatus.BOOKED, "B", List.of(ref(12)), null, null);

		var matches = matcher.match(List.of(paidLess, full));

		assertThat(matches.get(0)).isInstanceOf(LineMatch.NeedsReview.class);
		assertThat(((LineMatch.Unmatched) matches.get(1)).reason()).isEqualTo("payout 12 is already matched by line 2");
	}

	@Test
	void nettedPayoutsCannotSettleForLess() {
		var match = matchOne(line(Money.ofMinor(100000, "EUR"), EntryStatus.BOOKED, List.of(ref(10), ref(11)), null));

		assertThat(((LineMatch.Unmatched) match).reason())
			.endsWith("(only a line naming a single payout can settle for less)");
	}

	@Test
	void anOrderWithOnePayoutLeftOfSeveralNeverSettlesForLess() {
		SentPayout returned = new SentPayout(30, CREATED, PayoutStatus.RETURNED, "ORD", "B9", 1L,
				Money.ofMinor(5000, "EUR"), Money.ofMinor(5000, "EUR"), null, Instant.EPOCH);
		SentPayout open = sent(31, "ORD", "B9", 10000, "EUR");
		SentPayout alone = sent(32, "ORD-ALONE", "B8", 10000, "EUR");
		StatementMatcher netted = new StatementMatcher(List.of(returned, open, alone));

		var leftOfTwo = netted.match(List.of(line(Money.ofMinor(6000, "EUR"), EntryStatus.BOOKED, List.of(), "ORD")))
			.get(0);
		var onlyOne = netted
			.match(List.of(line(Money.ofMinor(6000, "EUR"), EntryStatus.BOOKED, List.of(), "ORD-ALONE")))
			.get(0);

		assertThat(((LineMatch.Unmatched) leftOfTwo).reason())
			.endsWith("(only a line naming a single payout can settle for less)");
		assertThat(((LineMatch.NeedsReview) onlyOne).reason()).contains("short by 40.00 EUR");
		var explained = netted
			.match(List.of(charged(line(Money.ofMinor(6000, "EUR"), EntryStatus.BOOKED, List.of(), "ORD-ALONE"),
					Money.ofMinor(4000, "EUR"), "CHRG")))
			.get(0);
		assertThat(((LineMatch.Matched) explained).settledForLess()).isTrue();
	}

	@Test
	void aReturnByBatchTakesTheSentOrTheSettledPayoutsWhicheverTheAmountFits() {
		SentPayout settled = new SentPayout(20, CREATED, PayoutStatus.SETTLED, "B1", "B1", 1L,
				Money.ofMinor(10000, "EUR"), Money.ofMinor(10000, "EUR"), Money.ofMinor(10000, "EUR"), Instant.EPOCH);
		SentPayout sent = sent(21, "B1", "B1", 5000, "EUR");
		StatementMatcher batch = new StatementMatcher(List.of(settled, sent));

		var ofTheSent = batch
			.match(List.of(new StatementLine(2, CREATED, Money.ofMinor(5000, "EUR"), Direction.CREDIT,
					EntryStatus.RETURNED, "R", List.of(), "B1", "AC04")))
			.get(0);
		var ofTheSettled = batch
			.match(List.of(new StatementLine(2, CREATED, Money.ofMinor(10000, "EUR"), Direction.CREDIT,
					EntryStatus.RETURNED, "R", List.of(), "B1", "AC04")))
			.get(0);
		var ofBoth = batch
			.match(List.of(new StatementLine(2, CREATED, Money.ofMinor(15000, "EUR"), Direction.CREDIT,
					EntryStatus.RETURNED, "R", List.of(), "B1", "AC04")))
			.get(0);

		assertThat(((LineMatch.Matched) ofTheSent).payouts()).containsExactly(sent);
		assertThat(((LineMatch.Matched) ofTheSettled).payouts()).containsExactly(settled);
		assertThat(((LineMatch.Matched) ofBoth).payouts()).containsExactly(settled, sent);
	}

	@Test
	void aReturnAfterSettlementGivesBackWhatTheSettlementPaid() {
		var afterFull = matchOne(returned(Money.ofMinor(100, "USD"), ref(13)));
		var afterLess = matchOne(returned(Money.ofMinor(4500, "USD"), ref(14)));
		var railAmount = matchOne(returned(Money.ofMinor(5000, "USD"), ref(14)));

		assertThat(((LineMatch.Matched) afterFull).payouts()).containsExactly(SETTLED);
		assertThat(((LineMatch.Matched) afterLess).amountFor(SETTLED_FOR_LESS)).isEqualTo(Money.ofMinor(4500, "USD"));
		assertThat(((LineMatch.Matched) afterLess).outcome()).isEqualTo("returned");
		assertThat(((LineMatch.Unmatched) railAmount).reason())
			.isEqualTo("amount 50.00 USD does not equal 45.00 USD, what was paid for payout(s) 14");
	}

	@Test
	void aShortfallIsConvertedBackAtTheLinesOwnRate() {
		SentPayout converted = new SentPayout(20, CREATED, PayoutStatus.SENT, "ord_ddd", "B1-Z", 1L,
				Money.ofMinor(150000, "JPY"), Money.ofMinor(100000, "EUR"), null, Instant.EPOCH);

		assertThat(converted.shortfallInPayoutCurrency(Money.ofMinor(149000, "JPY")))
			.isEqualTo(Money.ofMinor(667, "EUR"));
		assertThat(converted.shortfallInPayoutCurrency(Money.ofMinor(150000, "JPY")))
			.isEqualTo(Money.ofMinor(0, "EUR"));
		assertThat(JPY.shortfallInPayoutCurrency(Money.ofMinor(140000, "JPY"))).isEqualTo(Money.ofMinor(10000, "JPY"));
	}

	private static StatementLine returned(Money amount, String reference) {
		return new StatementLine(2, CREATED, amount, Direction.CREDIT, EntryStatus.RETURNED, "B", List.of(reference),
				null, "R01");
	}

	private LineMatch matchOne(StatementLine line) {
		return matcher.match(List.of(line)).get(0);
	}

	private static StatementLine line(Money amount, EntryStatus status, List<String> references, String order) {
		return new StatementLine(2, CREATED, amount, Direction.DEBIT, status, "BANK-1", references, order,
				status == EntryStatus.RETURNED ? "AC04" : null);
	}

	private static StatementLine charged(StatementLine line, Money charges, String reasonCode) {
		return new StatementLine(line.line(), line.bookingDate(), line.amount(), line.direction(), line.status(),
				line.bankReference(), line.endToEndIds(), line.paymentOrderId(), line.returnReason(), charges,
				reasonCode);
	}

	private static String ref(long id) {
		return PayoutReference.of(id, CREATED);
	}

	private static SentPayout sent(long id, String order, String batch, long railMinor, String currency) {
		return new SentPayout(id, CREATED, PayoutStatus.SENT, order, batch, 1L, Money.ofMinor(railMinor, currency),
				Money.ofMinor(railMinor, currency), null, Instant.EPOCH);
	}

}
