package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.Money;

/**
 * Reads the statement CSV format documented in jobs/README.md: RFC 4180, UTF-8 with or
 * without a byte-order mark, one header row, columns in any order, unknown columns
 * ignored. A bad row becomes a {@link RejectedRow} naming its line and column; the file
 * as a whole is refused only when its header is unusable or its quoting is broken.
 */
final class CsvStatementReader {

	static final List<String> REQUIRED = List.of("booking_date", "amount", "currency", "direction");

	/** At least one of these must be a column: a line has to name what it settles. */
	static final List<String> REFERENCES = List.of("end_to_end_ids", "payment_order_id");

	/**
	 * Our account the row was booked on (IBAN or account number): not required to read
	 * the file, but a statement that names none of our accounts is never applied.
	 */
	static final String ACCOUNT = "account";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private CsvStatementReader() {
	}

	static Statement read(byte[] content, InputLimits limits) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<StatementLine> lines = new ArrayList<>();
		List<RejectedRow> rejected = new ArrayList<>();
		Map<String, Statement.NamedAccount> accounts = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
			Map<String, Integer> columns = columns(parser.getHeaderNames());
			for (CSVRecord record : parser) {
				// The header is line 1; a value with a line break inside quotes would
				// shift
				// this, which the documented format rules out for statements.
				int line = (int) record.getRecordNumber() + 1;
				if (record.getRecordNumber() > limits.maxStatementLines()) {
					throw new StatementFileException(line,
							"more than " + limits.maxStatementLines() + " lines (payout.limits.max-statement-lines)");
				}
				String oversized = oversizedCell(record, limits.maxCellChars());
				if (oversized != null) {
					throw new StatementFileException(line, oversized);
				}
				if (columns.containsKey(ACCOUNT)) {
					// Every row, even one rejected below: a statement of another account
					// is
					// refused whole.
					String account = cell(record, columns, ACCOUNT);
					accounts.putIfAbsent(account, new Statement.NamedAccount(line, account));
				}
				try {
					refuseNul(record, columns);
					lines.add(row(record, columns, line));
				}
				catch (RowException ex) {
					rejected.add(new RejectedRow(line, ex.column, ex.getMessage()));
				}
			}
		}
		catch (UncheckedIOException | IOException ex) {
			throw new StatementFileException(0, "malformed CSV: " + rootMessage(ex));
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new StatementFileException(1, "cannot read the header row: " + rootMessage(ex));
		}
		return new Statement("csv", lines, rejected, List.copyOf(accounts.values()));
	}

	/** Why a cell is too long to read on, or null. */
	private static String oversizedCell(CSVRecord record, int maxChars) {
		for (int i = 0; i < record.size(); i++) {
			if (record.get(i).length() > maxChars) {
				return "cell " + (i + 1) + " is longer than " + maxChars + " characters (payout.limits.max-cell-chars)";
			}
		}
		return null;
	}

	/**
	 * A NUL cannot be stored (PostgreSQL text): the row is refused, naming the column.
	 */
	private static void refuseNul(CSVRecord record, Map<String, Integer> columns) {
		columns.forEach((name, index) -> {
			if (index < record.size() && record.get(index).indexOf('\0') >= 0) {
				throw new RowException(name, "contains a NUL character");
			}
		});
	}

	private static Map<String, Integer> columns(List<String> header) {
		if (header.isEmpty()) {
			throw new StatementFileException(1, "no header row (empty file)");
		}
		Map<String, Integer> columns = new TreeMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
		}
		List<String> missing = REQUIRED.stream().filter(column -> !columns.containsKey(column)).toList();
		if (!missing.isEmpty()) {
			String hint = header.size() == 1 && header.get(0).matches(".*[;\t|].*")
					? " (the file looks separated by ';', tab or '|': use commas)" : "";
			throw new StatementFileException(1, "missing column(s) " + missing + hint);
		}
		if (REFERENCES.stream().noneMatch(columns::containsKey)) {
			throw new StatementFileException(1, "needs a column " + REFERENCES.get(0) + " or " + REFERENCES.get(1));
		}
		return columns;
	}

	private static StatementLine row(CSVRecord record, Map<String, Integer> columns, int line) {
		if (!record.isConsistent()) {
			throw new RowException(null, "has " + record.size() + " cells, the header has " + columns.size());
		}
		LocalDate date = date(cell(record, columns, "booking_date"));
		String currencyCode = required(record, columns, "currency").toUpperCase(Locale.ROOT);
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (IllegalArgumentException ex) {
			throw new RowException("currency", "'" + currencyCode + "' is not an ISO 4217 currency code");
		}
		Money amount;
		try {
			amount = Money.parseFromBank(required(record, columns, "amount"), currency);
		}
		catch (IllegalArgumentException ex) {
			throw new RowException("amount", ex.getMessage());
		}
		if (!amount.isPositive()) {
			throw new RowException("amount", "must be positive (the direction says debit or credit)");
		}
		StatementLine.Direction direction = switch (required(record, columns, "direction").toLowerCase(Locale.ROOT)) {
			case "debit", "dbit" -> StatementLine.Direction.DEBIT;
			case "credit", "crdt" -> StatementLine.Direction.CREDIT;
			default -> throw new RowException("direction", "must be debit or credit");
		};
		String statusText = cell(record, columns, "status").toLowerCase(Locale.ROOT);
		StatementLine.EntryStatus status = switch (statusText) {
			case "", "booked" -> StatementLine.EntryStatus.BOOKED;
			case "returned" -> StatementLine.EntryStatus.RETURNED;
			case "pending" -> StatementLine.EntryStatus.PENDING;
			default -> throw new RowException("status", "'" + statusText + "' is not booked, returned or pending");
		};
		String returnReason = emptyToNull(cell(record, columns, "return_reason"));
		if (status == StatementLine.EntryStatus.RETURNED && returnReason == null) {
			throw new RowException("return_reason", "a returned line needs the bank's return code");
		}
		List<String> endToEndIds = Arrays.stream(cell(record, columns, "end_to_end_ids").split("[\\s;]+"))
			.filter(id -> !id.isEmpty())
			.toList();
		String paymentOrderId = emptyToNull(cell(record, columns, "payment_order_id"));
		if (endToEndIds.isEmpty() && paymentOrderId == null) {
			throw new RowException("end_to_end_ids", "empty, and so is payment_order_id: the line names nothing");
		}
		Money charges = null;
		String chargesText = cell(record, columns, "charges");
		if (!chargesText.isEmpty()) {
			try {
				charges = Money.parseFromBank(chargesText, currency);
			}
			catch (IllegalArgumentException ex) {
				throw new RowException("charges", ex.getMessage());
			}
			if (charges.minorUnits() < 0) {
				throw new RowException("charges", "must not be negative");
			}
		}
		String reasonCode = emptyToNull(cell(record, columns, "reason_code"));
		if (reasonCode != null && !reasonCode.matches("[A-Za-z0-9_-]{1,35}")) {
			throw new RowException("reason_code",
					"'" + reasonCode + "' is not a code (1-35 letters, digits, '_', '-')");
		}
		return new StatementLine(line, date, amount, direction, status,
				emptyToNull(cell(record, columns, "bank_reference")), endToEndIds, paymentOrderId, returnReason,
				charges, reasonCode);
	}

	private static LocalDate date(String text) {
		if (text.isEmpty()) {
			throw new RowException("booking_date", "is empty");
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new RowException("booking_date", "'" + text + "' is not a date YYYY-MM-DD");
		}
	}

	private static String required(CSVRecord record, Map<String, Integer> columns, String column) {
		String value = cell(record, columns, column);
		if (value.isEmpty()) {
			throw new RowException(column, "is empty");
		}
		return value;
	}

	private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
		Integer index = columns.get(column);
		return index == null || index >= record.size() ? "" : record.get(index).strip();
	}

	private static String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
	}

	private static final class RowException extends RuntimeException {

		final String column;

		RowException(String column, String message) {
			super(message);
			this.column = column;
		}

	}

}
