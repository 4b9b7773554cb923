package com.payoutrunner.report;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.core.CsvOutput;

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
	 * Streams in a read-only transaction (joins the caller's, in the report step):
	 * outside one, the PostgreSQL driver ignores the fetch size and loads the whole
	 * result.
	 * @return the number of rows written
	 */
	@Transactional(readOnly = true)
	public long write(long runId, Appendable out) {
		CsvOutput csv = CsvOutput.withHeader(out, HEADER);
		skips.forEach(runId, skip -> csv.row(skip.payoutId(), skip.investorId(), skip.category(), skip.reason(),
				skip.stepName(), skip.maskedAccount()));
		return csv.finish();
	}

}
