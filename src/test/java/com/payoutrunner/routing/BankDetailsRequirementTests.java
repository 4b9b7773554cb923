package com.payoutrunner.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.eligibility.SkipCategory;
import com.payoutrunner.payout.BankDetails;

class BankDetailsRequirementTests {

	private static RailRoute route(String rail) {
		return new RailRoute(rail, Currency.getInstance("USD"), null, "test:1");
	}

	@ParameterizedTest(name = "{0} with iban={1} account={2} routing={3} sort={4}")
	@CsvSource(nullValues = "-", textBlock = """
			SEPA,   DE89370400440532013000, -,         -,         -
			SEPA,   DE89370400440532013000, 123456789, 021000021, 601613
			ACH,    -,                      123456789, 021000021, -
			BACS,   -,                      31926819,  -,         601613
			BACS,   GB29NWBK60161331926819, 31926819,  -,         601613
			ZENGIN, -,                      1234567,   -,         -
			WIRE,   -,                      1234567,   -,         -
			WIRE,   FR1420041010050500013M02606, -,    -,         -
			EFT,    -,                      1234567,   -,         -
			""")
	void acceptsWhatTheRailNeeds(String rail, String iban, String account, String routing, String sortCode) {
		assertThat(BankDetailsRequirement.check(route(rail), new BankDetails(iban, null, account, routing, sortCode)))
			.isEmpty();
	}

	@ParameterizedTest(name = "{0} with iban={1} account={2} routing={3} sort={4}")
	@CsvSource(nullValues = "-", delimiter = '|',
			textBlock = """
					SEPA   | -                      | 123456789 | -         | -      | SEPA needs an IBAN
					SEPA   | -                      | -         | -         | -      | SEPA needs an IBAN
					ACH    | -                      | 123456789 | -         | -      | ACH needs an ABA routing number and an account number
					ACH    | -                      | -         | 021000021 | -      | ACH needs an ABA routing number and an account number
					ACH    | GB29NWBK60161331926819 | -         | -         | -      | ACH needs an ABA routing number and an account number
					BACS   | -                      | 31926819  | -         | -      | BACS needs a sort code and an account number
					BACS   | GB29NWBK60161331926819 | -         | -         | 601613 | BACS needs a sort code and an account number
					ZENGIN | -                      | -         | 021000021 | -      | ZENGIN needs an account number or an IBAN
					WIRE   | -                      | -         | -         | -      | WIRE needs an account number or an IBAN
					""")
	void skipsWhenTheRailLacksBankDetails(String rail, String iban, String account, String routing, String sortCode,
			String reason) {
		PayoutSkippedException skip = BankDetailsRequirement
			.check(route(rail), new BankDetails(iban, null, account, routing, sortCode))
			.orElseThrow();

		assertThat(skip.category()).isEqualTo(SkipCategory.MISSING_BANK_DETAILS);
		assertThat(skip.reason()).isEqualTo(reason);
	}

}
