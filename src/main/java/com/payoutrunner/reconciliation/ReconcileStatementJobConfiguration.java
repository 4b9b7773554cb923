package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.MDC;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.Sha256;

/**
 * {@code reconcileStatementJob}: reconciles one bank statement (CSV or camt.053) with the
 * payouts sent.
 * <p>
 * Identifying parameter: {@code statement.sha256}, the content's hash, so the same
 * statement again (under any name) is the same instance, already complete. Not
 * identifying: {@code statement.file}, {@code unmatched.after.days},
 * {@code statement.delivered.by}.
 * <p>
 * Steps, both tasklets:
 * <ol>
 * <li>{@code applyStatementStep}: reads the file (its hash must still be the
 * parameter's), checks it is a statement of one of our accounts, then
 * {@link StatementApplier} applies the whole statement in the step's own transaction:
 * payouts settled (in full or for less) or returned, holds moved, batches settled or
 * partial, every line recorded. A statement is one unit: it commits with the step, or not
 * at all.</li>
 * <li>{@code writeReconciliationReportStep}: writes {@code reconciliation.csv} and
 * {@code reconciliation-summary.json} from the recorded lines, plus the sent payouts
 * still unmatched after the given days, into a new folder; its path is kept in the step's
 * context.</li>
 * </ol>
 * No skips or retries: an unreadable row is recorded as rejected by the reader, an
 * unmatched line as unmatched; anything else fails the step. Restart: the same statement
 * again restarts a failed instance; an applied statement is never applied twice (the
 * step's commit and, underneath, the unique content hash).
 */
@Configuration(proxyBeanMethods = false)
class ReconcileStatementJobConfiguration {

	static final String JOB_NAME = "reconcileStatementJob";

	static final String REPORT_STEP = "writeReconciliationReportStep";

	/** Report step context: the report's path and the overdue count. */
	static final String REPORT = "report";

	static final String OVERDUE = "overdue";

	@Bean
	Job reconcileStatementJob(JobRepository jobRepository, Step applyStatementStep,
			Step writeReconciliationReportStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(applyStatementStep)
			.next(writeReconciliationReportStep)
			.listener(new JobExecutionListener() {
				@Override
				public void beforeJob(JobExecution execution) {
					MDC.put("run",
							"reconcile=" + execution.getJobInstance().getInstanceId() + " exec=" + execution.getId());
				}

				@Override
				public void afterJob(JobExecution execution) {
					MDC.remove("run");
				}
			})
			.build();
	}

	@Bean
	Step applyStatementStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			StatementApplier applier, OurAccounts ourAccounts, InputLimits limits) {
		return new StepBuilder("applyStatementStep", jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution step = contribution.getStepExecution();
			JobParameters parameters = step.getJobParameters();
			Path file = Path.of(parameters.getString(ReconcileStatementJobParameters.FILE));
			String hash = parameters.getString(ReconcileStatementJobParameters.STATEMENT_SHA256);
			byte[] content = read(file);
			if (!Sha256.hex(content).equals(hash)) {
				throw new IllegalStateException(file + " changed since this reconciliation started (its SHA-256 is no"
						+ " longer " + hash + "): reconcile the new file as a statement of its own");
			}
			Statement statement = StatementFiles.read(content, limits);
			ourAccounts.check(statement);
			String deliveredBy = parameters.getString(ReconcileStatementJobParameters.DELIVERED_BY);
			// An instance started before deliveries were recorded: nobody vouches for it.
			Delivery delivery = new Delivery(deliveredBy == null ? "unknown" : deliveredBy);
			var applied = applier.apply(file.getFileName().toString(), hash, statement,
					step.getJobExecution().getJobInstance().getInstanceId(), delivery);
			for (int i = 0; i < statement.lines().size() + statement.rejected().size(); i++) {
				contribution.incrementReadCount();
			}
			applied.ifPresent(totals -> {
				contribution.incrementWriteCount(totals.settled() + totals.returned());
				contribution.incrementFilterCount(
						totals.unmatched() + totals.ignored() + totals.needsReview() + totals.pendingConfirmation());
			});
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step writeReconciliationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReconciliationRepository repository, ReconciliationReportWriter reports) {
		return new StepBuilder(REPORT_STEP, jobRepository).tasklet((contribution, chunkContext) -> {
			StepExecution step = contribution.getStepExecution();
			JobParameters parameters = step.getJobParameters();
			String hash = parameters.getString(ReconcileStatementJobParameters.STATEMENT_SHA256);
			long days = parameters.getLong(ReconcileStatementJobParameters.UNMATCHED_AFTER_DAYS);
			var statement = repository.findStatement(hash)
				.orElseThrow(() -> new IllegalStateException("statement " + hash + " was not applied"));
			// Applied by another instance: only a statement applied before this job
			// existed.
			boolean appliedBefore = !statement.appliedBy(step.getJobExecution().getJobInstance().getInstanceId());
			var written = reports.write(statement, appliedBefore, (int) days);
			contribution.incrementWriteCount(written.rows());
			step.getExecutionContext().putString(REPORT, written.result().report().toString());
			step.getExecutionContext().putInt(OVERDUE, written.result().overdue());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	private static byte[] read(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the statement " + file, ex);
		}
	}

}
