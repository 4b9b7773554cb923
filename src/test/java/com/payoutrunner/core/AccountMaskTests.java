package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountMaskTests {

	@ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
	@CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
			FR7630006000011234567890189  | FR76*******************0189
			DE89370400440532013000       | DE89**************3000
			GB29 NWBK 6016 1331 9268 19  | GB29**************6819
			0973519254123                | 0973*****4123
			705644668321                 | ********8321
			123456789                    | *****6789
			12345678                     | ****5678
			1234567                      | ****567
			123456                       | ***456
			12345                        | ***45
			1234                         | **34
			12                           | *2
			1                            | *
			NULL                         | ''
			''                           | ''
			'   '                        | ''
			""")
	void keepsOnlyWhatIdentifiesTheAccountToAHuman(String account, String masked) {
		assertThat(AccountMask.mask(account)).isEqualTo(masked);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					'DE89370400440532013000' is not an ISO 3166 alpha-2 country code | 'DE89**************3000' is not an ISO 3166 alpha-2 country code
					'de89370400440532013000' is not true or false                  | 'de89**************3000' is not true or false
					'GB29 NWBK 6016 1331 9268 19' is not a date like 2024-07-01   | 'GB29**************6819' is not a date like 2024-07-01
					payment method 'FR7630006000011234567890189' is not accepted  | payment method 'FR76*******************0189' is not accepted
					account 0532013000123 is not ours                             | account 0532*****0123 is not ours
					amount 1234567890.00 is too large                             | amount 1234567890.00 is too large
					routing number 021000021 is public                            | routing number 021000021 is public
					'XYZ' is not an ISO 4217 currency code                        | 'XYZ' is not an ISO 4217 currency code
					line 12: PO-20261123-0000002A is settled, not sent            | line 12: PO-20261123-0000002A is settled, not sent
					investor INV-0000012345 has no country                        | investor INV-0000012345 has no country
					external account acct_1234567890 is unknown                   | external account acct_1234567890 is unknown
					""")
	void accountsWithinATextAreMaskedTheRestKept(String text, String masked) {
		assertThat(AccountMask.maskWithin(text)).isEqualTo(masked);
	}

}
