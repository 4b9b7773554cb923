package com.payoutrunner.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * The first NUL character or number with an exponent is found by its token text (an
 * exponent whatever value it parses to) and named by its path; plain numbers, ordinary
 * strings and bodies that are not JSON pass to the converter.
 */
class JsonBodyGuardTests {

	private final JsonBodyGuard guard = new JsonBodyGuard(JsonMapper.builder().build());

	@Test
	void readsTheBodyInTheCharsetItsContentTypeNames() {
		// É as one Latin-1 byte is not UTF-8: read as UTF-8 the body would not parse, and
		// the NUL behind it would pass to a converter that reads Latin-1.
		byte[] latin1 = "{\"name\": \"Élodie\", \"note\": \"a\\u0000b\"}".getBytes(StandardCharsets.ISO_8859_1);
		byte[] utf16 = "{\"amount\": 1.0E1}".getBytes(StandardCharsets.UTF_16);

		assertThat(guard.firstRefusal(latin1, StandardCharsets.ISO_8859_1))
			.isEqualTo(new JsonBodyGuard.Refusal("note", JsonBodyGuard.NUL));
		assertThat(guard.firstRefusal(utf16, StandardCharsets.UTF_16))
			.isEqualTo(new JsonBodyGuard.Refusal("amount", JsonBodyGuard.EXPONENT));
	}

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			{"amount": 1.0E1}                                  | amount           | exponent
			{"amount": 1.00e2}                                 | amount           | exponent
			{"amount": 1e2}                                    | amount           | exponent
			{"amount": 5E-1}                                   | amount           | exponent
			{"a": {"b": [1, 2.5e1]}}                           | a.b[1]           | exponent
			{"lines": [{"amount": 1}, {"amount": 2E0}]}        | lines[1].amount  | exponent
			[1, 1.5e3]                                         | [1]              | exponent
			1e3                                                | ''               | exponent
			{"amount": 1e2                                     | amount           | exponent
			{"note": "a\\u0000b"}                              | note             | nul
			{"metadata": {"x": "ok", "note": "\\u0000"}}       | metadata.note    | nul
			{"na\\u0000me": 1}                                 | na?me            | nul
			["a", ["b", "c\\u0000"]]                           | [1][1]           | nul
			{"note": "a\\u0000", "amount": 1e2}                | note             | nul
			{"amount": 10.00, "n": 3, "x": -0.5, "s": "1e2"}   | -                | -
			{"amount": 1.5, "rest": nope}                      | -                | -
			""")
	void refusesTheFirstNulOrExponentByItsPath(String body, String field, String reason) {
		JsonBodyGuard.Refusal refusal = guard.firstRefusal(body.getBytes(StandardCharsets.UTF_8), null);

		if (field == null) {
			assertThat(refusal).isNull();
		}
		else {
			assertThat(refusal).isEqualTo(new JsonBodyGuard.Refusal(field,
					"nul".equals(reason) ? JsonBodyGuard.NUL : JsonBodyGuard.EXPONENT));
		}
	}

}
