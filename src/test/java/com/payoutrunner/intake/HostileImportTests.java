package com.payoutrunner.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Hostile import rows: each is a row error naming its line and column, found at once, and
 * never echoes a huge cell.
 */
class HostileImportTests {

	private static final long LINE = 12;

	private final PayoutRowParser parser = new PayoutRowParser(
			c -> Set.of("USD", "EUR", "JPY", "BHD").contains(c.getCurrencyCode()));

	static Stream<Arguments> hostileCells() {
		return Stream.of(Arguments.of("amount", "1E+30000000"), Arguments.of("amount", "1e2"),
				Arguments.of("amount", "١٠٠"), Arguments.of("amount", "+100"), Arguments.of("amount", "1,000.00"),
				Arguments.of("amount", "99999999999999999999.99"), Arguments.of("amount", "9".repeat(300_000)),
				Arguments.of("amount", "10.001"), Arguments.of("amount", "0x10"), Arguments.of("amount", "NaN"),
				Arguments.of("investor_name", "x".repeat(201)), Arguments.of("investor_name", "x".repeat(30_000_000)),
				Arguments.of("investor_name", "Ada\0Lovelace"), Arguments.of("payment_method", "Wire\0"),
				Arguments.of("bic", "B".repeat(5_000)));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("hostileCells")
	void aHostileCellIsARowErrorWithLineAndColumn(String column, String value) {
		Map<String, String> cells = PayoutRowParserTests.goodCells();
		cells.put(column, value);
		long started = System.nanoTime();

		assertThatExceptionOfType(InvalidPayoutRowException.class)
			.isThrownBy(() -> parser.parse(new PayoutCsvRow(LINE, cells, null)))
			.satisfies(ex -> {
				assertThat(ex.line()).isEqualTo(LINE);
				assertThat(ex.column()).isEqualTo(column);
				assertThat(ex.getMessage()).hasSizeLessThan(300);
			});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void aFileWithMoreRowsThanTheLimitStopsNamingTheLineAndTheLimit(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("payouts.csv");
		StringBuilder csv = new StringBuilder(String.join(",", PayoutCsvColumns.REQUIRED)).append('\n');
		for (int i = 0; i < 4; i++) {
			csv.append(",".repeat(PayoutCsvColumns.REQUIRED.size() - 1)).append('\n');
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		PayoutCsvReader reader = new PayoutCsvReader(file, 3);
		reader.open(new ExecutionContext());

		for (int i = 0; i < 3; i++) {
			assertThat(reader.read()).isNotNull();
		}
		assertThatExceptionOfType(ImportFileException.class).isThrownBy(reader::read)
			.withMessageContaining("payouts.csv:5: more than 3 rows (payout.limits.max-import-rows)");
		reader.close();
	}

}
