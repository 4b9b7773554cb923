package com.payoutrunner.report;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * A run's skip report as CSV: payout_id, investor_id, category, reason, step,
 * masked_account; one row per skipped payout, ordered by payout. Streamed from the skip
 * records, so its size does not matter.
 */
@Component
public class SkipReportCsv {

	static final String[] HEADER = { "payout_id", "investor_id", "category", "reason", "step", "masked_account" };

	private final SkipRecordRepository skips;

	public SkipReportCsv(SkipRecordRepository skips) {
		this.skips = skips;
	}

	/**
	 * @return the number of rows written
	 */
	public long write(long runId, Appendable out) {
		long[] written = { 0 };
		// Not closed: closing the printer would close the caller's stream (stdout, for
		// the CLI).
		try {
			CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out);
			skips.forEach(runId, skip -> {
				try {
					csv.printRecord(skip.payoutId(), skip.investorId(), skip.category(), skip.reason(), skip.stepName(),
							skip.maskedAccount());
					written[0]++;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return written[0];
	}

}
