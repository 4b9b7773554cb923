package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

import com.payoutrunner.config.InputLimits;

/**
 * Hostile statements: a bad amount or cell is a rejected row naming line and column; a
 * statement over a limit is refused whole naming the line and the limit; all at once.
 */
class HostileStatementTests {

	static final String HEADER = "booking_date,amount,currency,direction,end_to_end_ids\n";

	static Stream<Arguments> hostileCsvAmounts() {
		return Stream.of(Arguments.of("1E+30000000"), Arguments.of("1e2"), Arguments.of("١٠٠"), Arguments.of("+100"),
				Arguments.of("\"1,000.00\""), Arguments.of("99999999999999999999.99"), Arguments.of("9".repeat(900)),
				Arguments.of("10.001"), Arguments.of("Infinity"));
	}

	@ParameterizedTest(name = "amount {0}")
	@MethodSource("hostileCsvAmounts")
	void aHostileCsvAmountIsARejectedRowNamingLineAndColumn(String amount) {
		long started = System.nanoTime();

		Statement statement = StatementFiles.read(bytes(HEADER + "2026-11-23," + amount + ",EUR,debit,PO-1\n"),
				InputLimits.DEFAULTS);

		assertFast(started);
		assertThat(statement.lines()).isEmpty();
		assertThat(statement.rejected()).singleElement().satisfies(row -> {
			assertThat(row.line()).isEqualTo(2);
			assertThat(row.column()).isEqualTo("amount");
			assertThat(row.reason()).hasSizeLessThan(300);
		});
	}

	/**
	 * A NUL byte or a byte that is not UTF-8 means the file is not text: refused whole,
	 * naming its line, whichever way it came (as the inbox rejects it).
	 */
	@Test
	void aNulByteOrInvalidUtf8RefusesTheStatementNamingTheLine() {
		assertThatExceptionOfType(StatementFileException.class).isThrownBy(
				() -> StatementFiles.read(bytes(HEADER + "2026-11-23,1.00,EUR,debit,PO\0-1\n"), InputLimits.DEFAULTS))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2))
			.withMessageContaining("a NUL byte");
		byte[] latin1 = (HEADER + "2026-11-23,1.00,EUR,debit,PO-1 Müller\n").getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(latin1, InputLimits.DEFAULTS))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2))
			.withMessageContaining("not valid UTF-8: byte 0xFC");
	}

	@Test
	void aCellOverTheLimitRefusesTheStatementNamingLineAndLimit() {
		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(bytes(
					HEADER + "2026-11-23,1.00,EUR,debit,PO-1\n2026-11-23,1.00,EUR,debit," + "P".repeat(2000) + "\n"),
					InputLimits.DEFAULTS))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(3))
			.withMessageContaining("longer than 1000 characters (payout.limits.max-cell-chars)");
	}

	@Test
	void moreCsvLinesThanTheLimitRefuseTheStatement() {
		String rows = "2026-11-23,1.00,EUR,debit,PO-1\n".repeat(4);

		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(bytes(HEADER + rows), limits(3)))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(5))
			.withMessageContaining("more than 3 lines (payout.limits.max-statement-lines)");
	}

	static String camt(String amount, int entries) {
		String entry = """
				<Ntry><Amt Ccy="EUR">%s</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				<BookgDt><Dt>2026-11-23</Dt></BookgDt><NtryDtls><TxDtls><Refs><EndToEndId>PO-1</EndToEndId></Refs>
				</TxDtls></NtryDtls></Ntry>
				""".formatted(amount);
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
				<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
				%s</Stmt></BkToCstmrStmt></Document>
				""".formatted(entry.repeat(entries));
	}

	static Stream<Arguments> hostileCamtAmounts() {
		return Stream.of(Arguments.of("1E+30000000"), Arguments.of("1e2"), Arguments.of("١٠٠"), Arguments.of("+100"),
				Arguments.of("99999999999999999999.99"), Arguments.of("10.001"));
	}

	@ParameterizedTest(name = "camt.053 amount {0}")
	@MethodSource("hostileCamtAmounts")
	void aHostileCamtAmountIsARejectedEntry(String amount) {
		long started = System.nanoTime();

		Statement statement = StatementFiles.read(bytes(camt(amount, 1)), InputLimits.DEFAULTS);

		assertFast(started);
		assertThat(statement.lines()).isEmpty();
		assertThat(statement.rejected()).hasSize(1);
	}

	@Test
	void aCamtAmountOfThousandsOfDigitsIsRefusedAtOnce() {
		long started = System.nanoTime();

		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(bytes(camt("9".repeat(300_000), 1)), InputLimits.DEFAULTS))
			.withMessageContaining("payout.limits.max-cell-chars");
		assertFast(started);
	}

	@Test
	void moreCamtEntriesThanTheLimitRefuseTheStatement() {
		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(bytes(camt("1.00", 4)), limits(3)))
			.withMessageContaining("more than 3 entries (payout.limits.max-statement-lines)");
	}

	@Test
	void aNestingBombIsRefused() {
		String deep = "<X>".repeat(100) + "</X>".repeat(100);
		String xml = camt("1.00", 1).replace("<Acct>", deep + "<Acct>");

		assertThatExceptionOfType(StatementFileException.class)
			.isThrownBy(() -> StatementFiles.read(bytes(xml), InputLimits.DEFAULTS))
			.withMessageContaining("nested deeper than 64");
	}

	private static InputLimits limits(long maxLines) {
		InputLimits d = InputLimits.DEFAULTS;
		return new InputLimits(d.maxRequestBytes(), DataSize.ofMegabytes(20), d.maxTextChars(), d.maxCommentChars(),
				d.maxMetadataBytes(), d.maxImportRows(), d.maxCellChars(), maxLines);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void assertFast(long started) {
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

}
