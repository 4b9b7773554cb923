package com.payoutrunner.intake;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.MDC;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.payout.PayoutRepository;
import com.payoutrunner.report.StepProgressListener;

/**
 * {@code importPayoutsJob}: loads a liquidation event's payouts from a CSV file.
 * <p>
 * Identifying parameters: {@code event}, {@code file} and {@code file.sha256}: importing
 * the same content again is "already done"; a corrected file is a new instance, which
 * adds only what is new.
 * <p>
 * One step, {@code loadPayoutsStep} (chunk, fault tolerant): {@link PayoutCsvReader} →
 * {@link PayoutRowParser} → {@link ImportedPayoutWriter}. Only
 * {@link InvalidPayoutRowException} is skipped, without limit, each one saved by
 * {@link ImportErrorListener} in the chunk's transaction. A problem with the whole file
 * ({@link ImportFileException}) fails the job. Restart resumes after the last committed
 * chunk. When the job ends, whatever its status, the import report and summary are
 * written.
 */
@Configuration(proxyBeanMethods = false)
class ImportPayoutsJobConfiguration {

	static final String JOB_NAME = "importPayoutsJob";

	static final String LOAD_STEP = "loadPayoutsStep";

	@Bean
	Job importPayoutsJob(JobRepository jobRepository, Step loadPayoutsStep, PayoutRepository payouts,
			ImportSummaryService summaries) {
		return new JobBuilder(JOB_NAME, jobRepository).start(loadPayoutsStep).listener(new JobExecutionListener() {
			@Override
			public void beforeJob(JobExecution execution) {
				MDC.put("run", "import=" + execution.getJobInstance().getInstanceId() + " exec=" + execution.getId());
				payouts.ensureEvent(execution.getJobParameters().getString(ImportPayoutsJobParameters.EVENT));
			}

			@Override
			public void afterJob(JobExecution execution) {
				summaries.writeReports(execution, summaries.summarize(execution));
				MDC.remove("run");
			}
		}).build();
	}

	@Bean
	Step loadPayoutsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PayoutRunnerProperties properties, PayoutCsvReader payoutCsvReader,
			ImportedPayoutWriter importedPayoutWriter, ImportErrorListener importErrorListener,
			MoneyConversion conversion, Clock clock, InputLimits limits) {
		PayoutRowParser parser = new PayoutRowParser(conversion::canConvert, limits);
		return new StepBuilder(LOAD_STEP, jobRepository).<PayoutCsvRow, ImportedPayout>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(payoutCsvReader)
			.processor(parser::parse)
			.writer(importedPayoutWriter)
			.faultTolerant()
			.skipPolicy((failure, skipCount) -> failure instanceof InvalidPayoutRowException)
			.listener(importErrorListener)
			.listener(new StepProgressListener(System.out, clock, properties.progressInterval()))
			.build();
	}

	@Bean
	@StepScope
	PayoutCsvReader payoutCsvReader(@Value("#{jobParameters['file']}") String file, InputLimits limits) {
		return new PayoutCsvReader(Path.of(file), limits.maxImportRows());
	}

	@Bean
	@StepScope
	ImportedPayoutWriter importedPayoutWriter(ImportRepository repository) {
		return new ImportedPayoutWriter(repository);
	}

	@Bean
	@StepScope
	ImportErrorListener importErrorListener(ImportRepository repository) {
		return new ImportErrorListener(repository);
	}

}
