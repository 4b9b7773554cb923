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

}
