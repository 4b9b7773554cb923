package com.payoutrunner.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.payoutrunner.config.InputLimits;

/**
 * Streams an import file (RFC 4180 CSV, UTF-8, optional BOM, header row with columns in
 * any order). The header is checked on open: a missing required column stops the import
 * before anything loads. Restartable: it saves how many rows it has handed out and skips
 * them on reopen.
 */
class PayoutCsvReader implements ItemStreamReader<PayoutCsvRow> {

	private static final String ROWS_READ = "payoutCsvReader.rows.read";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	private final Path file;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	private List<String> header;

	private long rowsRead;

	private final long maxRows;

	public PayoutCsvReader(Path file) {
		this(file, InputLimits.DEFAULTS.maxImportRows());
	}

	/**
	 * @param maxRows the most data rows a file may have ({@code max-import-rows}): the
	 * row after them stops the import, naming its line and the limit
	 */
	public PayoutCsvReader(Path file, long maxRows) {
		this.file = file;
		this.maxRows = maxRows;
	}

	@Override
	public void open(ExecutionContext context) {
		if (!Files.isRegularFile(file)) {
			throw new ImportFileException(file + ": file not found");
		}
		try {
			BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
			skipByteOrderMark(reader);
			parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException ex) {
			throw new ImportFileException(file + ": cannot read the header row: " + rootMessage(ex), ex);
		}
		header = parser.getHeaderNames().stream().map(String::trim).toList();
		checkHeader();
		records = parser.iterator();
		long alreadyRead = context.getLong(ROWS_READ, 0L);
		while (rowsRead < alreadyRead && read() != null) {
			// skip rows a previous execution committed
		}
	}

	private static void skipByteOrderMark(BufferedReader reader) throws IOException {
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
	}

	private void checkHeader() {
		if (header.isEmpty()) {
			throw new ImportFileException(file + ": the file is empty; expected a header row with the columns "
					+ String.join(",", PayoutCsvColumns.REQUIRED));
		}
		List<String> missing = new ArrayList<>(PayoutCsvColumns.REQUIRED);
		missing.removeAll(header);
		if (missing.isEmpty()) {
			return;
		}
		String hint = "";
		if (header.size() == 1) {
			for (String delimiter : List.of(";", "\t", "|")) {
				if (header.get(0).contains(delimiter)) {
					hint = "; the header looks '" + (delimiter.equals("\t") ? "\\t" : delimiter)
							+ "'-separated, but the file must be comma-separated";
				}
			}
		}
		throw new ImportFileException(file + ":1: missing required column(s) " + String.join(", ", missing)
				+ " (found: " + String.join(", ", header) + ")" + hint + "; nothing was loaded");
	}

	/**
	 * Line breaks inside a quoted value, counted as the parser counts lines: CRLF, a bare
	 * CR and a bare LF each end one.
	 */
	static long lineBreaks(String value) {
		long breaks = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
				breaks++;
			}
		}
		return breaks;
	}

	@Override
	public PayoutCsvRow read() {
		try {
			if (!records.hasNext()) {
				return null;
			}
			CSVRecord record = records.next();
			rowsRead++;
			long endLine = parser.getCurrentLineNumber();
			if (rowsRead > maxRows) {
				throw new ImportFileException(file.getFileName() + ":" + endLine + ": more than " + maxRows
						+ " rows (payout.limits.max-import-rows); rows of the chunks committed before it were imported");
			}
			long newlinesInside = record.stream().mapToLong(PayoutCsvReader::lineBreaks).sum();
			long line = endLine - newlinesInside;
			Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < Math.min(record.size(), header.size()); i++) {
				cells.put(header.get(i), record.get(i));
			}
			String problem = record.size() == header.size() ? null : "expected " + header.size()
					+ " cells like the header, found " + record.size() + " (a comma inside a value must be quoted)";
			return new PayoutCsvRow(line, cells, problem);
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw new ImportFileException(file + ":" + (parser.getCurrentLineNumber() + 1) + ": malformed CSV: "
					+ rootMessage(ex)
					+ "; rows of the chunks committed before it were imported, and importing the same file again resumes there",
					ex);
		}
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(ROWS_READ, rowsRead);
	}

	@Override
	public void close() {
		if (parser != null) {
			try {
				parser.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		if (root instanceof CharacterCodingException) {
			return "the file is not valid UTF-8";
		}
		return root.getMessage();
	}

}
