package com.payoutrunner.preview;

import static com.payoutrunner.payout.PayoutCandidates.aPayout;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.payoutrunner.connector.BeneficiaryAddress;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.connector.ConnectorRouting;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.fees.FeeSchedule;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.payout.Priority;
import com.payoutrunner.routing.CountryRailTable;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.FxRateTable;
import com.payoutrunner.routing.RailSelector;

/** The run's rules as a preview applies them, on the real reference tables. */
class RunRulesTests {

	static final FxRateTable RATES = FxRateTable.load(Path.of("config/fx/fx-rates.csv"));

	static final CountryRailTable RAILS = CountryRailTable.load(Path.of("config/rails/country-rails.csv"));

	static final LocalDate BUSINESS_DATE = LocalDate.of(2026, 11, 23);

	static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	static RunRules rulesOn(LocalDate businessDate) {
		return new RunRules(businessDate, NOW,
				new FeeCalculator(
						FeeSchedule.load(Path.of("config/fees/fee-schedule.csv"), RATES.conversion()::canConvert),
						RATES.conversion()),
				new RailSelector(RAILS), new FxConverter(RATES),
				new ConnectorProcessor(
						new ConnectorRouting("sandbox-bank",
								List.of(new ConnectorRouting.Route("SEPA", null, "sepa-file")),
								Set.of("sandbox-bank", "sepa-file"), RAILS.rails()),
						Map.of("sepa-file", BeneficiaryAddress.IBAN)),
				rail -> CUT_OFFS.valueDate(rail, NOW));
	}

	static final com.payoutrunner.calendar.RailCutOffs CUT_OFFS = com.payoutrunner.calendar.RailCutOffs
		.load(Path.of("config/calendars/rail-cutoffs.csv"), com.payoutrunner.calendar.BusinessCalendars.standard());

	final RunRules rules = rulesOn(BUSINESS_DATE);

	@Test
	void anEligiblePayoutIsPricedRoutedConvertedAndGivenItsConnector() {
		PreviewOutcome outcome = rules.judge(aPayout().to("DE").amount("1000.00 USD").build());

		assertThat(outcome).isInstanceOf(PreviewOutcome.WouldPay.class);
		var pay = (PreviewOutcome.WouldPay) outcome;
		// normal: 0.25% = 2.50, + EUR 0.50 fixed = 0.54 USD; net 996.96 USD; SEPA in EUR
		// at
		// 0.9338: 930.961248 -> 930.96
		assertThat(pay.routed().priced().fee().total()).hasToString("3.04 USD");
		assertThat(pay.routed().priced().net()).hasToString("996.96 USD");
		assertThat(pay.routed().route().rail()).isEqualTo("SEPA");
		assertThat(pay.routed().fx().target()).hasToString("930.96 EUR");
		assertThat(pay.routed().fx().rate()).isEqualByComparingTo("0.9338");
		assertThat(pay.routed().fx().quoteDate()).isEqualTo(LocalDate.of(2024, 6, 28));
		assertThat(pay.connector()).isEqualTo("sepa-file");
		assertThat(PreviewCsv.row(outcome)).containsExactly(1L, "INV-0001", "yes", null, null, "1000.00", "USD", "3.04",
				"996.96", "SEPA", "EUR", "930.96", "0.9338", LocalDate.of(2024, 6, 28), "sepa-file",
				"DE89**************3000", LocalDate.of(2026, 11, 23));
	}

	@Test
	void aRailWithoutARouteGoesToTheDefaultConnector() {
		var pay = (PreviewOutcome.WouldPay) rules
			.judge(aPayout().to("JP").noBankDetails().accountNumber("1234567").build());

		assertThat(pay.routed().route().rail()).isEqualTo("ZENGIN");
		assertThat(pay.routed().fx().target().code()).isEqualTo("JPY");
		assertThat(pay.connector()).isEqualTo("sandbox-bank");
	}

	@Test
	void theBusinessDateDecidesWhetherAScheduledPayoutIsDue() {
		PayoutCandidate scheduled = aPayout().scheduledDate(BUSINESS_DATE.plusDays(1)).build();

		assertThat(skip(rules.judge(scheduled)).category()).isEqualTo(SkipCategory.NOT_YET_DUE);
		assertThat(rulesOn(BUSINESS_DATE.plusDays(1)).judge(scheduled)).isInstanceOf(PreviewOutcome.WouldPay.class);
	}

	@Test
	void eachStageRejectsWithTheRunsCategoryAndReason() {
		assertThat(skip(rules.judge(aPayout().method("Crypto").build())))
			.isEqualTo(new PreviewOutcome.WouldSkip(aPayout().method("Crypto").build(), SkipCategory.INVALID_METHOD,
					"payment method 'Crypto' is not accepted (ACH or Wire)"));
		assertThat(skip(rules.judge(aPayout().amount("1.00 USD").priority(Priority.INSTANT).build())).category())
			.isEqualTo(SkipCategory.AMOUNT_BELOW_FEES);
		assertThat(skip(rules.judge(aPayout().to("DE").noBankDetails().accountNumber("12345678").build())).reason())
			.isEqualTo("sepa-file (SEPA) needs an IBAN");
		assertThat(skip(rules
			.judge(aPayout().status(PayoutStatus.FAILED).failedAttempts(1).nextAttemptAt(NOW.plusSeconds(60)).build()))
			.category()).isEqualTo(SkipCategory.RETRY_NOT_DUE);
		assertThat(skip(rules.judge(aPayout().status(PayoutStatus.SENT).paymentOrderId("po_1").build())).category())
			.isEqualTo(SkipCategory.EXISTING_PAYMENT_ORDER);
	}

	@Test
	void aBankApiPaysAnInvestorKnownOnlyByTheirExternalAccount() {
		var pay = (PreviewOutcome.WouldPay) rules
			.judge(aPayout().to("JP").noBankDetails().externalAccount("ea_jp_1").build());

		assertThat(pay.connector()).isEqualTo("sandbox-bank");
		assertThat(pay.routed().route().rail()).isEqualTo("ZENGIN");
	}

	@Test
	void aFileConnectorNeedsItsCoordinatesEvenWithAnExternalAccount() {
		var skip = skip(rules.judge(aPayout().to("FR").noBankDetails().externalAccount("ea_fr_1").build()));

		assertThat(skip.category()).isEqualTo(SkipCategory.MISSING_BANK_DETAILS);
		assertThat(skip.reason()).isEqualTo("sepa-file (SEPA) needs an IBAN");
	}

	@ParameterizedTest
	@EnumSource(value = PayoutStatus.class, names = { "QUEUED", "SENDING" })
	void aPayoutAlreadyOnALineIsLeftToThatLine(PayoutStatus status) {
		PreviewOutcome outcome = rules.judge(aPayout().status(status).build());

		assertThat(outcome).isInstanceOf(PreviewOutcome.AlreadyQueued.class);
		assertThat(PreviewCsv.row(outcome)).startsWith(1L, "INV-0001", "no", "already_queued");
	}

	private static PreviewOutcome.WouldSkip skip(PreviewOutcome outcome) {
		assertThat(outcome).isInstanceOf(PreviewOutcome.WouldSkip.class);
		return (PreviewOutcome.WouldSkip) outcome;
	}

}
