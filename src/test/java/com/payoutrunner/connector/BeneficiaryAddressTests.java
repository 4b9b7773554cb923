package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.payoutrunner.payout.BankDetails;

class BeneficiaryAddressTests {

	@ParameterizedTest(name = "{0}: external={1} iban={2} account={3} routing={4} → {5}")
	@CsvSource(nullValues = "-", delimiter = '|',
			textBlock = """
					EXTERNAL_ACCOUNT           | ea_123 | -                      | -         | -         | -
					EXTERNAL_ACCOUNT           | -      | DE89370400440532013000 | -         | -         | -
					EXTERNAL_ACCOUNT           | -      | -                      | 1234567   | -         | -
					EXTERNAL_ACCOUNT           | ' '    | -                      | -         | -         | an external account id, an IBAN or an account number
					EXTERNAL_ACCOUNT           | -      | -                      | -         | 021000021 | an external account id, an IBAN or an account number
					IBAN                       | ea_123 | DE89370400440532013000 | -         | -         | -
					IBAN                       | ea_123 | -                      | 123456789 | -         | an IBAN
					ROUTING_AND_ACCOUNT_NUMBER | ea_123 | -                      | 123456789 | 021000021 | -
					ROUTING_AND_ACCOUNT_NUMBER | ea_123 | -                      | 123456789 | -         | an ABA routing number and an account number
					ROUTING_AND_ACCOUNT_NUMBER | ea_123 | -                      | -         | 021000021 | an ABA routing number and an account number
					ROUTING_AND_ACCOUNT_NUMBER | -      | GB29NWBK60161331926819 | -         | -         | an ABA routing number and an account number
					""")
	void saysWhatAConnectorLacksToAddressTheBeneficiary(BeneficiaryAddress address, String external, String iban,
			String account, String routing, String missing) {
		assertThat(address.missing(external, new BankDetails(iban, null, account, routing, null)).orElse(null))
			.isEqualTo(missing);
	}

}
