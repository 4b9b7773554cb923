package com.payoutrunner.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.preview.PreviewSummary;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.preview.RunPreview;

/**
 * A dry run as the preview page shows it: the preview's own summary and totals (the
 * amounts formatted, nothing recomputed), whether the run would wait for approval, and
 * the payouts it would skip with their reasons, read from the preview's preview.csv.
 */
public record PreviewPage(PreviewSummary summary, List<Total> totals, RunApprovals.Assessment approval,
		List<Skipped> skipped, long skippedTotal, Launch launch) {

	/** The skipped payouts shown; preview.csv has them all. */
	static final int SKIPPED_SHOWN = 200;

	/** One group of the totals: rail, currencies, connector and what it would pay. */
	public record Total(String rail, String railCurrency, String connector, String currency, long payouts, String gross,
			String fees, String net, String railAmount) {

		static Total of(PreviewTotals.Row row) {
			var key = row.key();
			return new Total(key.rail(), key.railCurrency(), key.connector(), key.currency(), row.payouts(),
					Amounts.of(row.gross()), Amounts.of(row.fees()), Amounts.of(row.net()),
					Amounts.of(row.railAmount()));
		}

	}

	/** A payout the run would not pay, and why. */
	public record Skipped(String payoutId, String investorId, String category, String reason, String amount,
			String maskedAccount) {
	}

	/**
	 * What the launch button would do, from the event's latest run: start its first run,
	 * resume the latest, or (after COMPLETED or ABANDONED) start a rerun, which pays only
	 * what is still unpaid.
	 */
	public record Launch(boolean rerun, String label, String explanation) {

		static Launch after(String latestRunStatus) {
			if (latestRunStatus == null) {
				return new Launch(false, "Launch this run", "This starts the event's first run.");
			}
			if ("COMPLETED".equals(latestRunStatus) || "ABANDONED".equals(latestRunStatus)) {
				return new Launch(true, "Launch a rerun", "The event's latest run is " + latestRunStatus
						+ ": a rerun pays only the payouts without a payment order, as this preview shows.");
			}
			return new Launch(false, "Launch this run",
					"The event's latest run is " + latestRunStatus + ": this resumes it where it stopped.");
		}

	}

	static PreviewPage of(RunPreview.Result preview, RunApprovals.Assessment approval) throws IOException {
		List<Skipped> skipped = new ArrayList<>();
		long total = 0;
		try (Reader reader = Files.newBufferedReader(preview.preview(), StandardCharsets.UTF_8)) {
			for (CSVRecord row : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				if ("yes".equals(row.get("would_pay"))) {
					continue;
				}
				if (total++ < SKIPPED_SHOWN) {
					// Shown as text, not opened in a spreadsheet: without the formula
					// guard.
					skipped.add(new Skipped(row.get("payout_id"), CsvOutput.restore(row.get("investor_id")),
							row.get("skip_category"), CsvOutput.restore(row.get("skip_reason")),
							Amounts.of(emptyToNull(row.get("amount")), emptyToNull(row.get("currency"))),
							CsvOutput.restore(row.get("masked_account"))));
				}
			}
		}
		PreviewSummary summary = preview.summary();
		return new PreviewPage(summary, summary.totals().stream().map(Total::of).toList(), approval, skipped, total,
				Launch.after(summary.latestRunStatus()));
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

}
