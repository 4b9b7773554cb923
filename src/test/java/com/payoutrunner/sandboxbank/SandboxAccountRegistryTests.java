package com.payoutrunner.sandboxbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

class SandboxAccountRegistryTests {

	private final SandboxAccountRegistry registry = new SandboxAccountRegistry(Set.of("ea_gone"),
			Set.of("ea_closed", "DE89370400440532013000"));

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "-", delimiter = '|', textBlock = """
			{"external_account_id":"ea_c6pf9bcd79"}                   | -
			{"external_account_id":"acct_1Nv0FG2eZvKYlo2C","iban":null} | -
			{"iban":"FR1420041010050500013M02606"}                    | -
			{"account_number":"1234567"}                              | -
			{"external_account_id":"ea_gone"}                         | 404 account_not_found
			{"external_account_id":"ea_closed"}                       | 404 account_not_found
			{"iban":"DE89370400440532013000"}                         | 404 account_not_found
			{"external_account_id":"ea ok","iban":"FR1420041010050500013M02606"} | 400 invalid_order
			{"external_account_id":"<script>"}                        | 400 invalid_order
			{"name":"nobody"}                                         | 400 invalid_order
			""")
	void knowsEveryWellFormedAccountButTheUnknownAndTheRefused(String beneficiary, String refusal) {
		var answer = registry.check(json.readTree(beneficiary));

		assertThat(answer.map(r -> r.httpStatus() + " " + r.code()).orElse(null)).isEqualTo(refusal);
	}

}
