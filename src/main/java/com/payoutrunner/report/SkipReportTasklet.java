package com.payoutrunner.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Streams the run's skip records into {@code skips.csv}, ordered by payout: payout_id, investor_id, category,
 * reason, step, masked_account. Rewritten whole on every attempt, so a restarted run's report is exact.
 */
public class SkipReportTasklet implements Tasklet {

	static final String[] HEADER = { "payout_id", "investor_id", "category", "reason", "step", "masked_account" };

	private final SkipRecordRepository skips;

	private final ReportPaths paths;

	public SkipReportTasklet(SkipRecordRepository skips, ReportPaths paths) {
		this.skips = skips;
		this.paths = paths;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		var jobExecution = contribution.getStepExecution().getJobExecution();
		long runId = jobExecution.getJobInstance().getInstanceId();
		long[] written = { 0 };
		ReportFiles.writeAtomically(paths.skipReport(jobExecution.getId()), writer -> {
			try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer)) {
				skips.forEach(runId, skip -> {
					try {
						csv.printRecord(skip.payoutId(), skip.investorId(), skip.category(), skip.reason(),
								skip.stepName(), skip.maskedAccount());
						written[0]++;
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
			}
		});
		contribution.incrementWriteCount(written[0]);
		return RepeatStatus.FINISHED;
	}
}
