package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvOutputTests {

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "=1+1", "=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "+cmd|' /C calc'!A0",
			"-2+3", "-cmd", "-", "--", "-5.00e3", "@SUM(A1:A2)", "@", "\tTAB", "\r=1", "\r", "'=1", "''+1",
			"=cmd|'/C notepad'!'A1'", "-1,=2", "=1\n=2" })
	void aFormulaCellIsPrefixedAndQuotedAndReadsBackAsText(String hostile) {
		String written = written(hostile);

		assertThat(written).startsWith("\"'");
		String parsed = parse(written);
		assertThat(parsed).isEqualTo("'" + hostile);
		assertThat(CsvOutput.restore(parsed)).isEqualTo(hostile);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@ValueSource(strings = { "-5.00", "-5", "0", "42", "1234.50", "PO-20261123-0000002A", "INV-0004", "DE89**3000",
			"'quoted by the user'", "'a", "a=b", "ea_c6pf9bcd79", "" })
	void numbersIdsAndTextLeftAlone(String harmless) {
		assertThat(parse(written(harmless))).isEqualTo(harmless);
		assertThat(CsvOutput.neutralise(harmless)).isEqualTo(harmless);
		assertThat(CsvOutput.restore(harmless)).isEqualTo(harmless);
	}

	@Test
	void negativeAmountsStayNumbers() {
		StringBuilder out = new StringBuilder();
		CsvOutput csv = CsvOutput.withHeader(out, "id", "amount", "name");
		csv.row(7L, new BigDecimal("-5.00"), "=1+1");
		csv.row(8L, null, "-x");

		assertThat(csv.finish()).isEqualTo(2);
		assertThat(out).hasToString("id,amount,name\r\n7,-5.00,\"'=1+1\"\r\n8,,\"'-x\"\r\n");
	}

	private static String written(String cell) {
		StringBuilder out = new StringBuilder();
		CsvOutput csv = CsvOutput.withHeader(out, "cell");
		csv.row(cell);
		csv.finish();
		return out.substring("cell\r\n".length());
	}

	private static String parse(String line) {
		try {
			CSVRecord record = CSVFormat.RFC4180.parse(new StringReader(line)).getRecords().get(0);
			return record.get(0);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
