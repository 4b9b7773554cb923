package com.payoutrunner.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class PayoutCsvReaderTests {

	static final String HEADER = "investor_id,investor_name,country,payment_method,external_account_id,amount,currency,priority";

	@TempDir
	Path dir;

	/**
	 * A row's line is where it starts, whatever breaks the quoted values before it hold.
	 */
	@ParameterizedTest(name = "break {0}")
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void aRowsLineIsWhereItStartsWhateverTheLineBreaksInsideQuotedValues(String lineBreak) throws Exception {
		String content = HEADER + "\r\n" + "A1,\"Ana" + lineBreak + "Souza\",PT,Wire,ea_1,10.00,EUR,normal\r\n"
				+ "A2,\"Two" + lineBreak + lineBreak + "Lines\",PT,Wire,ea_2,10.00,EUR,normal\r\n"
				+ "A3,Three,PT,Wire,ea_3,10.00,EUR,normal\r\n";

		List<Long> lines = lines(content);

		assertThat(lines).containsExactly(2L, 4L, 7L);
	}

	@Test
	void lineBreaksCountLikeTheParser() {
		assertThat(PayoutCsvReader.lineBreaks("a\r\nb\rc\nd")).isEqualTo(3);
		assertThat(PayoutCsvReader.lineBreaks("a\r")).isEqualTo(1);
		assertThat(PayoutCsvReader.lineBreaks("plain")).isZero();
	}

	private List<Long> lines(String content) throws Exception {
		Path file = Files.writeString(dir.resolve("payouts.csv"), content);
		PayoutCsvReader reader = new PayoutCsvReader(file);
		reader.open(new ExecutionContext());
		try {
			List<Long> lines = new ArrayList<>();
			for (PayoutCsvRow row = reader.read(); row != null; row = reader.read()) {
				lines.add(row.line());
			}
			return lines;
		}
		finally {
			reader.close();
		}
	}

}
