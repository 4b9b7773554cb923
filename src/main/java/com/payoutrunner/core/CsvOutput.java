package com.payoutrunner.core;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes RFC 4180 CSV (CRLF line ends, quotes where needed) to an {@link Appendable}
 * without ever closing it: the caller owns the stream (a report file, or stdout for the
 * CLI). Rows are written one by one, so a report of any size streams through.
 */
public final class CsvOutput {

	private final CSVPrinter printer;

	private long rows;

	private CsvOutput(CSVPrinter printer) {
		this.printer = printer;
	}

	public static CsvOutput withHeader(Appendable out, String... header) {
		try {
			return new CsvOutput(CSVFormat.RFC4180.builder().setHeader(header).get().print(out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void row(Object... values) {
		try {
			printer.printRecord(values);
			rows++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Flushes what was written; returns the number of data rows. */
	public long finish() {
		try {
			printer.flush();
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
