package com.payoutrunner.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes RFC 4180 CSV (CRLF line ends, quotes where needed) to an {@link Appendable}
 * without ever closing it: the caller owns the stream (a report file, or stdout for the
 * CLI). Rows are written one by one, so a report of any size streams through.
 * <p>
 * Every cell is neutralised against formula injection (OWASP's rule): our reports echo
 * what clients, files and banks sent (names, references, idempotency keys, reasons), and
 * a spreadsheet would run a cell such as {@code =HYPERLINK(...)}. A cell that starts with
 * {@code = + - @}, a tab or a carriage return gets a leading {@code '} and is quoted;
 * plain numbers ({@code -5.00}, {@code 42}) are left alone so that amounts and ids stay
 * numbers. {@link #restore} undoes it exactly, for readers of our own files.
 */
public final class CsvOutput {

	private static final CSVFormat MINIMAL = CSVFormat.RFC4180;

	/** For neutralised cells: quoted, so that they read as text everywhere. */
	private static final CSVFormat QUOTED = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();

	private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

	private final Appendable out;

	private long rows;

	private CsvOutput(Appendable out) {
		this.out = out;
	}

	public static CsvOutput withHeader(Appendable out, String... header) {
		CsvOutput csv = new CsvOutput(out);
		csv.record(header);
		return csv;
	}

	public void row(Object... values) {
		record(values);
		rows++;
	}

	/** Flushes what was written; returns the number of data rows. */
	public long finish() {
		try {
			if (out instanceof java.io.Flushable flushable) {
				flushable.flush();
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The cell as written: with a leading {@code '} when a spreadsheet would take it for
	 * a formula. A cell that already starts with {@code '} before such a character gets
	 * one more, so that {@link #restore} is exact.
	 */
	public static String neutralise(String cell) {
		return needsNeutralising(cell) ? "'" + cell : cell;
	}

	/** The original of a cell {@link #neutralise} wrote. */
	public static String restore(String cell) {
		return cell != null && cell.startsWith("'") && needsNeutralising(cell.substring(1)) ? cell.substring(1) : cell;
	}

	static boolean needsNeutralising(String cell) {
		if (cell == null || cell.isEmpty()) {
			return false;
		}
		return switch (cell.charAt(0)) {
			case '=', '+', '@', '\t', '\r' -> true;
			case '-' -> !PLAIN_NUMBER.matcher(cell).matches();
			case '\'' -> needsNeutralising(cell.substring(1));
			default -> false;
		};
	}

	private void record(Object... values) {
		try {
			for (int i = 0; i < values.length; i++) {
				Object value = values[i];
				String text = value == null ? null : value.toString();
				if (text != null && needsNeutralising(text)) {
					QUOTED.print("'" + text, out, i == 0);
				}
				else {
					MINIMAL.print(text, out, i == 0);
				}
			}
			MINIMAL.println(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
