package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A NUL in a query parameter, or one that is not percent-encoded UTF-8, is named (the
 * filter answers 400 before the servlet container's own parsing could throw a 500):
 * checking must never throw itself.
 */
class RequestSizeFilterTests {

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(nullValues = "-", textBlock = """
			status=sent,                 -,          -
			q=a+b%20c&flag&x=,           -,          -
			name=%C3%A9lodie,            -,          -
			status=%00,                  status,     nul
			na%00me=x,                   na?me,      nul
			a%zz=%00,                    a%zz,       malformed
			a%0=%00&b=1,                 a%0,        malformed
			status=sent&x=%zz,           x,          malformed
			x=%,                         x,          malformed
			x=%C3%28,                    x,          malformed
			%FF=1,                       %FF,        malformed
			""")
	void namesTheFirstParameterItWillNotReadWithoutEverThrowing(String query, String parameter, String reason) {
		RequestSizeFilter.QueryFault fault = RequestSizeFilter.queryFault(query);

		if (parameter == null) {
			assertThat(fault).isNull();
		}
		else {
			assertThat(fault).isEqualTo(new RequestSizeFilter.QueryFault(parameter,
					"nul".equals(reason) ? RequestSizeFilter.NUL : RequestSizeFilter.MALFORMED));
		}
	}

}
