package com.payoutrunner.intake;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Saves each rejected row as an import error, in the chunk's transaction: nothing is lost
 * across restarts.
 */
class ImportErrorListener implements SkipListener<PayoutCsvRow, ImportedPayout>, StepExecutionListener {

	private final ImportRepository repository;

	private StepExecution stepExecution;

	public ImportErrorListener(ImportRepository repository) {
		this.repository = repository;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void onSkipInProcess(PayoutCsvRow row, Throwable cause) {
		if (!(cause instanceof InvalidPayoutRowException invalid)) {
			throw new IllegalStateException("only invalid rows are skippable, got " + cause, cause);
		}
		var jobExecution = stepExecution.getJobExecution();
		repository.insertError(jobExecution.getJobInstance().getInstanceId(), jobExecution.getId(),
				jobExecution.getJobParameters().getString(ImportPayoutsJobParameters.EVENT),
				new ImportRepository.ImportError(invalid.line(), invalid.column(), invalid.category(),
						invalid.reason()));
	}

}
