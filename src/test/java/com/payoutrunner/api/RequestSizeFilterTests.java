package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A NUL in a query parameter is named (the filter answers 400), even where the query's
 * escapes are malformed: decoding it must never throw (a 500 outside the API's handler).
 */
class RequestSizeFilterTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(nullValues = "-", textBlock = """
			status=sent,           -
			status=%00,            status
			na%00me=x,             na?me
			a%zz=%00,              a%zz
			a%0=%00&b=1,           a%0
			""")
	void namesTheParameterWithANulWithoutEverThrowing(String query, String parameter) {
		assertThat(RequestSizeFilter.parameterWithNul(query)).isEqualTo(parameter);
	}

}
