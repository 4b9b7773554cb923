package com.payoutrunner.batching;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.SubmittableLineReader;
import com.payoutrunner.connector.SubmittableLineRowMapper;
import com.payoutrunner.partitioning.IdRangePartitioner;
import com.payoutrunner.partitioning.PartitionedSteps;
import com.payoutrunner.report.StepProgressListener;

/**
 * The partitioned steps of {@code payoutRunJob} (docs/scale-out.md):
 * {@code buildBatchLinesStep} splits the payouts it reads into ranges of payout ids,
 * {@code submitBatchLinesStep} the lines it sends into ranges of line ids, each into
 * {@code payout.partitioning.grid-size} partitions that run
 * {@link PayoutRunJobConfiguration#BUILD_PARTITION_STEP} and
 * {@link PayoutRunJobConfiguration#SUBMIT_PARTITION_STEP} locally or on workers. Each
 * partition keeps its own restart data (its range, its reader's position); a restart runs
 * only the partitions that did not complete. The manager steps refresh the planner's
 * statistics once, and print the added-up counts when they end.
 */
@Configuration(proxyBeanMethods = false)
class PartitionedRunStepsConfiguration {

	@Bean
	Step buildBatchLinesStep(PartitionedSteps steps, Step buildBatchLinesPartitionStep,
			IdRangePartitioner payoutIdPartitioner, PayoutRunnerProperties properties, Clock clock, JdbcClient jdbc) {
		return steps.partitioned("buildBatchLinesStep", buildBatchLinesPartitionStep, payoutIdPartitioner,
				refreshStatistics(jdbc, "payouts"), progress(properties, clock));
	}

	@Bean
	Step submitBatchLinesStep(PartitionedSteps steps, Step submitBatchLinesPartitionStep,
			IdRangePartitioner lineIdPartitioner, PayoutRunnerProperties properties, Clock clock, JdbcClient jdbc) {
		return steps.partitioned("submitBatchLinesStep", submitBatchLinesPartitionStep, lineIdPartitioner,
				refreshStatistics(jdbc, "payout_batch_lines, payment_submissions"), progress(properties, clock));
	}

	@Bean
	@StepScope
	IdRangePartitioner payoutIdPartitioner(JdbcClient jdbc,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		PayoutSelection payouts = PayoutSelection.of(parameters);
		return new IdRangePartitioner(jdbc, "id", "FROM payouts", payouts.where(), payouts.parameters());
	}

	@Bean
	@StepScope
	IdRangePartitioner lineIdPartitioner(JdbcClient jdbc,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters) {
		RunSelection selection = RunSelection.fromJobParameters(parameters);
		return new IdRangePartitioner(jdbc, SubmittableLineRowMapper.SORT_KEY, SubmittableLineRowMapper.FROM,
				SubmittableLineReader.where(PayoutRunJobConfiguration.submittableLines(selection)),
				SubmittableLineReader.parameters(selection.parameters()));
	}

	/**
	 * Refreshes the planner's statistics before a step pages through tables that were
	 * just bulk-loaded: with stale statistics PostgreSQL sorts the whole remainder of an
	 * event for every page (measured: 80 ms a page instead of under 1 ms). ANALYZE
	 * samples, so it costs little even on large tables.
	 */
	private static StepExecutionListener refreshStatistics(JdbcClient jdbc, String tables) {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				jdbc.sql("ANALYZE " + tables).update();
			}
		};
	}

	private static StepProgressListener progress(PayoutRunnerProperties properties, Clock clock) {
		return new StepProgressListener(System.out, clock, properties.progressInterval());
	}

}
