package com.payoutrunner.core;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a small reference table (config/...) with a header row. Every problem is reported
 * with file, line and column, because these tables are edited by hand and reviewed like
 * code.
 */
public final class CsvTableFile {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreSurroundingSpaces(true)
		.setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
		.get();

	private CsvTableFile() {
	}

	public static List<Row> read(Path file, List<String> requiredColumns) {
		if (!Files.isRegularFile(file)) {
			throw new TableFormatException(file,
					"file not found (working directory " + Path.of("").toAbsolutePath() + ")");
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			List<String> header = parser.getHeaderNames();
			for (String column : requiredColumns) {
				if (!header.contains(column)) {
					throw new TableFormatException(file, 1, column,
							"required column is missing (header: " + header + ")");
				}
			}
			List<Row> rows = new ArrayList<>();
			// The parser reports the line a record ends on; a row is named by the line it
			// starts on.
			long nextLine = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				long line = nextLine;
				nextLine = parser.getCurrentLineNumber() + 1;
				if (record.size() != header.size()) {
					throw new TableFormatException(file, line, null,
							"expected " + header.size() + " cells, found " + record.size());
				}
				rows.add(new Row(file, line, record));
			}
			if (rows.isEmpty()) {
				throw new TableFormatException(file, "table has no rows");
			}
			return rows;
		}
		catch (IOException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			throw new TableFormatException(file, "unreadable CSV: " + ex.getMessage());
		}
	}

	/** One data row; {@link #line()} is the 1-based line number in the file. */
	public record Row(Path file, long line, CSVRecord record) {

		public String text(String column) {
			String value = record.get(column);
			if (value == null || value.isBlank()) {
				throw error(column, "value is required");
			}
			return value.trim();
		}

		public String optionalText(String column) {
			String value = record.get(column);
			return value == null || value.isBlank() ? null : value.trim();
		}

		public BigDecimal decimal(String column) {
			String value = text(column);
			try {
				return new BigDecimal(value);
			}
			catch (NumberFormatException ex) {
				throw error(column, "'" + value + "' is not a decimal number");
			}
		}

		public BigDecimal optionalDecimal(String column) {
			return optionalText(column) == null ? null : decimal(column);
		}

		public boolean bool(String column) {
			String value = text(column);
			return switch (value) {
				case "true" -> true;
				case "false" -> false;
				default -> throw error(column, "'" + value + "' is not true or false");
			};
		}

		public TableFormatException error(String column, String reason) {
			return new TableFormatException(file, line, column, reason);
		}
	}

}
