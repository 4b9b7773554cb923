package com.payoutrunner.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.payoutrunner.core.Money;

/**
 * Inserts a chunk of valid rows in one statement; the unique (event, investor_id)
 * constraint decides what is new. Each row that was not inserted is then explained: the
 * same row again (an earlier import of this event) is ignored; a second row for one
 * investor in this file, or a row that differs from the stored payout, is reported as an
 * import error and never merged.
 */
class ImportedPayoutWriter implements ItemWriter<ImportedPayout>, StepExecutionListener {

	static final String DUPLICATE_IN_FILE = "duplicate_in_file";

	static final String CONFLICTS_WITH_STORED = "conflicts_with_stored";

	private final ImportRepository repository;

	private StepExecution stepExecution;

	public ImportedPayoutWriter(ImportRepository repository) {
		this.repository = repository;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void write(Chunk<? extends ImportedPayout> chunk) {
		var jobExecution = stepExecution.getJobExecution();
		long runId = jobExecution.getJobInstance().getInstanceId();
		String event = jobExecution.getJobParameters().getString(ImportPayoutsJobParameters.EVENT);
		List<? extends ImportedPayout> rows = chunk.getItems();
		Set<String> inserted = new HashSet<>(repository.insertNew(event, runId, List.copyOf(rows)));
		// The first row of an investor in the chunk is the one inserted; every other row
		// needs explaining.
		List<ImportedPayout> notInserted = rows.stream()
			.filter(row -> !inserted.remove(row.investorId()))
			.map(ImportedPayout.class::cast)
			.toList();
		if (notInserted.isEmpty()) {
			return;
		}
		Map<String, ImportRepository.StoredPayout> stored = repository.stored(event,
				notInserted.stream().map(ImportedPayout::investorId).distinct().toList());
		for (ImportedPayout row : notInserted) {
			var error = explain(row, stored.get(row.investorId()), runId);
			if (error != null) {
				repository.insertError(runId, jobExecution.getId(), event, error);
			}
		}
	}

	private ImportRepository.ImportError explain(ImportedPayout row, ImportRepository.StoredPayout existing,
			long runId) {
		boolean sameImport = existing.importJobInstanceId() != null && existing.importJobInstanceId() == runId;
		if (sameImport && !existing.sourceLine().equals(row.line())) {
			return new ImportRepository.ImportError(row.line(), "investor_id", DUPLICATE_IN_FILE,
					"investor " + row.investorId() + " already appears on line " + existing.sourceLine()
							+ " of this file; the first row was kept");
		}
		if (repository.isUnchanged(row, existing)) {
			return null;
		}
		String stored = existing.amountMinor() == null ? "no amount"
				: Money.ofMinor(existing.amountMinor(), existing.currency()).toString();
		String given = row.amount() == null ? "no amount" : row.amount().toString();
		return new ImportRepository.ImportError(row.line(), null, CONFLICTS_WITH_STORED,
				"investor " + row.investorId() + " is already stored for this event with different details (stored "
						+ stored + ", file " + given + "); rows are never merged: fix the file or the stored payout");
	}

}
