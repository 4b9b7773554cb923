package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.OwnerOnlyFiles;

/**
 * Writes {@code reconciliation.csv} from what the statement's transaction recorded: one
 * row per statement line (kind {@code matched} with outcome {@code settled},
 * {@code settled_for_less} or {@code returned}; {@code pending_confirmation} with the
 * outcome it will have once a second person confirms it; {@code needs_review} (paid less
 * without saying why, nothing changed); {@code unmatched}, {@code rejected} or
 * {@code ignored}, in line order), then one row per sent payout still unmatched after the
 * configured days (kind {@code overdue}, oldest first). One file with a {@code kind}
 * column rather than sections, so that it loads into any spreadsheet or database as is.
 */
final class ReconciliationReport {

	static final String FILE_NAME = "reconciliation.csv";

	static final String[] HEADER = { "kind", "line", "outcome", "payout_ids", "amount", "currency", "booking_date",
			"bank_reference", "references", "reason", "sent_at" };

	private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'",
			Locale.ROOT);

	private ReconciliationReport() {
	}

	/**
	 * {@code <root>/reconciliation/<statement>-<time>/}; a second folder in the same
	 * second gets a numbered suffix rather than overwriting the first.
	 */
	static Path newDirectory(Path reportsRoot, String statementName, Instant now) {
		String base = statementName.replaceAll("\\.[A-Za-z0-9]+$", "").replaceAll("[^A-Za-z0-9._-]", "_") + "-"
				+ FOLDER_TIME.format(now.atOffset(ZoneOffset.UTC));
		Path parent = reportsRoot.toAbsolutePath().normalize().resolve("reconciliation");
		try {
			OwnerOnlyFiles.createDirectories(parent);
			for (int n = 1;; n++) {
				Path candidate = parent.resolve(n == 1 ? base : base + "-" + n);
				try {
					return OwnerOnlyFiles.createDirectory(candidate);
				}
				catch (java.nio.file.FileAlreadyExistsException ex) {
					// another reconciliation of the same statement in the same second
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a report folder under " + parent, ex);
		}
	}

	static Path write(Path directory, List<ReconciliationRepository.LineRow> lines, List<SentPayout> overdue,
			Instant now) {
		Path file = directory.resolve(FILE_NAME);
		try (Writer out = OwnerOnlyFiles.newWriter(file)) {
			CsvOutput csv = CsvOutput.withHeader(out, HEADER);
			for (var line : lines) {
				csv.row(line.kind(), line.line(), nullToEmpty(line.outcome()), line.payoutIds(), amount(line.amount()),
						currency(line.amount()), line.bookingDate() == null ? "" : line.bookingDate(),
						nullToEmpty(line.bankReference()), line.references(), line.reason(), "");
			}
			for (SentPayout payout : overdue) {
				csv.row("overdue", "", "", payout.id(), amount(payout.railAmount()), currency(payout.railAmount()), "",
						"", payout.reference(),
						"sent " + java.time.Duration.between(payout.updatedAt(), now).toDays()
								+ " day(s) ago under payment order " + payout.paymentOrderId()
								+ "; no statement settled it",
						payout.updatedAt().toString());
			}
			csv.finish();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static String amount(Money money) {
		return money == null ? "" : money.toDecimal().toPlainString();
	}

	private static String currency(Money money) {
		return money == null ? "" : money.code();
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
