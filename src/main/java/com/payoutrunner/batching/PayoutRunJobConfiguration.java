package com.payoutrunner.batching;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.AddressedPayout;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.connector.PaymentConnectors;
import com.payoutrunner.connector.PaymentOrderBodies;
import com.payoutrunner.connector.PaymentOrderWriter;
import com.payoutrunner.connector.SubmissionRepository;
import com.payoutrunner.connector.SubmittableLine;
import com.payoutrunner.connector.SubmittableLineReader;
import com.payoutrunner.connector.SubmittableLineRowMapper;
import com.payoutrunner.partitioning.IdRangePartitioner;
import com.payoutrunner.partitioning.PartitionedSteps;
import com.payoutrunner.connector.file.BankFileWriter;
import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutCandidateRowMapper;
import com.payoutrunner.payout.PayoutRepository;
import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.report.ReportPaths;
import com.payoutrunner.report.SkipRecordRepository;
import com.payoutrunner.report.SkipReportCsv;
import com.payoutrunner.report.SkipRecordingListener;
import com.payoutrunner.report.SkipReportTasklet;
import com.payoutrunner.report.StepProgressListener;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.RailSelector;

/**
 * {@code payoutRunJob}: pays the payouts of one liquidation event.
 * <p>
 * Identifying parameters: {@code event} and, for deliberate reruns, {@code rerun} (1, 2,
 * ...). No incrementer: the same parameters after COMPLETED are "already done", after
 * FAILED or STOPPED a restart.
 * <ol>
 * <li>{@code buildBatchLinesStep} (chunk, fault tolerant): reads every payout of the
 * event by id → {@link PayoutRuleChain} (eligibility → fees → rail and FX → connector) →
 * writes batch lines and moves payouts to queued. Only {@link PayoutSkippedException} is
 * skipped, without limit; each skip is persisted by {@link SkipRecordingListener} in the
 * chunk's transaction. The reader pages by the unique id, so a restart resumes after the
 * last committed chunk.</li>
 * <li>{@code awaitRunApprovalStep} (tasklet, {@code approval.RunApprovalConfiguration}):
 * a run whose lines add up to more than {@code payout.approvals.run-ceiling} records an
 * approval request with its totals and stops (STOPPED, exit code AWAITING_APPROVAL)
 * before any file or bank call; restarted once approved, it goes on. A rejected run never
 * gets past it.</li>
 * <li>{@code writeBankFilesStep}: one bank file (pain.001, NACHA) per batch routed to a
 * file format, through {@link BankFileWriter}; a file holds a whole batch, so this is not
 * a chunk step.</li>
 * <li>{@code submitBatchLinesStep} (chunk, not fault tolerant): reads the event's lines
 * for bank APIs that are queued or left sending by a crash, and sends each chunk to the
 * bank in one bulk request through {@link PaymentOrderWriter}. No skip or retry here:
 * outcomes are data, and a step that cannot scan cannot re-send.</li>
 * <li>{@code writeSkipReportStep}: writes skips.csv; {@link RunSummaryListener} writes
 * summary.json.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class PayoutRunJobConfiguration {

	static final String JOB_NAME = PayoutRunJobParameters.JOB_NAME;

	/**
	 * Bean and step names of the partitions' work: a remote worker finds them by name.
	 */
	static final String BUILD_PARTITION_STEP = "buildBatchLinesPartitionStep";

	static final String SUBMIT_PARTITION_STEP = "submitBatchLinesPartitionStep";

	/**
	 * Only the lines of a run that passed its run approval gate are sent: not those of a
	 * run waiting for approval, nor of one stopped or killed before its gate.
	 */
	private static final String PASSED_THE_GATE = """
			AND EXISTS (SELECT 1 FROM run_gate_passes g WHERE g.run_id = line_run_id)""";

	@Bean
	Job payoutRunJob(JobRepository jobRepository, Step buildBatchLinesStep, Step awaitRunApprovalStep,
			Step writeBankFilesStep, Step submitBatchLinesStep, Step writeSkipReportStep, RunSummaryService summaries,
			ReportPaths paths, GracefulStopListener gracefulStop, RunStarts starts, RunMetricsListener metrics) {
		return new JobBuilder(JOB_NAME, jobRepository).start(buildBatchLinesStep)
			.next(awaitRunApprovalStep)
			.next(writeBankFilesStep)
			.next(submitBatchLinesStep)
			.next(writeSkipReportStep)
			// First, so that its afterJob runs last (Spring Batch calls afterJob in
			// reverse): the
			// JVM may halt once it returns, and the summary must be written by then.
			.listener(gracefulStop)
			.listener(new RunSummaryListener(summaries, paths))
			.listener(metrics)
			.listener(starts)
			// Last, so that its afterJob runs first: the summary and metrics see why
			// the run stopped.
			.listener(new StoppedStepExitListener())
			.build();
	}

	/**
	 * The work of one partition of {@code buildBatchLinesStep}
	 * ({@link PartitionedRunStepsConfiguration}): its payouts, by id.
	 */
	@Bean
	Step buildBatchLinesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PayoutRunnerProperties properties, JdbcPagingItemReader<PayoutCandidate> eligiblePayoutReader,
			BatchLineWriter batchLineWriter, SkipRecordingListener skipRecordingListener,
			PayoutRuleChain payoutRuleChain, StepProgressListener partitionProgressListener,
			PartitionedSteps partitionedSteps) {
		return new StepBuilder(BUILD_PARTITION_STEP, jobRepository)
			.<PayoutCandidate, AddressedPayout>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(eligiblePayoutReader)
			.processor(payoutRuleChain)
			.writer(batchLineWriter)
			.faultTolerant()
			.skipPolicy((failure, skipCount) -> failure instanceof PayoutSkippedException)
			.listener(skipRecordingListener)
			.listener(partitionProgressListener)
			.listener(partitionedSteps.workerNameListener())
			.listener(new PartitionLogContext())
			.build();
	}

	/**
	 * The work of one partition of {@code submitBatchLinesStep}
	 * ({@link PartitionedRunStepsConfiguration}): its lines, by line id.
	 */
	@Bean
	Step submitBatchLinesPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PayoutRunnerProperties properties, JdbcPagingItemReader<SubmittableLine> submittableLineReader,
			PaymentOrderWriter paymentOrderWriter, StepProgressListener partitionProgressListener,
			PartitionedSteps partitionedSteps) {
		return new StepBuilder(SUBMIT_PARTITION_STEP, jobRepository)
			.<SubmittableLine, SubmittableLine>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(submittableLineReader)
			.writer(paymentOrderWriter)
			.listener(partitionProgressListener)
			.listener(partitionedSteps.workerNameListener())
			.listener(new PartitionLogContext())
			.build();
	}

	@Bean
	Step writeBankFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BankFileWriter writer) {
		return new StepBuilder("writeBankFilesStep", jobRepository).tasklet((contribution, chunkContext) -> {
			RunContext run = RunContext.of(contribution.getStepExecution());
			int filed = 0;
			for (BankFileWriter.WrittenFile file : writer.writeFiles(run.runId(), run.jobExecutionId())) {
				System.out.println("[writeBankFilesStep] " + file.file() + ": " + file.payouts() + " payout(s)");
				filed += file.payouts();
			}
			contribution.incrementWriteCount(filed);
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Step writeSkipReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SkipReportCsv report, ReportPaths paths) {
		return new StepBuilder("writeSkipReportStep", jobRepository)
			.tasklet(new SkipReportTasklet(report, paths), transactionManager)
			.build();
	}

	@Bean
	@StepScope
	JdbcPagingItemReader<PayoutCandidate> eligiblePayoutReader(DataSource dataSource, PayoutRunnerProperties properties,
			FieldCipher cipher, @Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("#{stepExecution.executionContext}") ExecutionContext partition) throws Exception {
		PayoutSelection payouts = PayoutSelection.of(parameters);
		String where = payouts.where() + IdRangePartitioner.rangeFilter("id");
		Map<String, Object> values = new java.util.HashMap<>(payouts.parameters());
		values.put(IdRangePartitioner.MIN_ID, partition.getLong(IdRangePartitioner.MIN_ID));
		values.put(IdRangePartitioner.MAX_ID, partition.getLong(IdRangePartitioner.MAX_ID));
		return new JdbcPagingItemReaderBuilder<PayoutCandidate>().name("eligiblePayoutReader")
			.dataSource(dataSource)
			.selectClause("SELECT " + PayoutRepository.CANDIDATE_COLUMNS)
			.fromClause("FROM payouts")
			.whereClause(where)
			.parameterValues(values)
			.sortKeys(Map.of("id", Order.ASCENDING))
			.pageSize(properties.chunkSize())
			.rowMapper(new PayoutCandidateRowMapper(cipher))
			.build();
	}

	/**
	 * Lines are read only once their own run has passed its run approval gate, whichever
	 * run reads them (a rerun, a scheduled slot): an approval cannot be sidestepped.
	 */
	@Bean
	@StepScope
	JdbcPagingItemReader<SubmittableLine> submittableLineReader(DataSource dataSource, FieldCipher cipher,
			PayoutRunnerProperties properties,
			@Value("#{stepExecution.jobExecution.jobParameters}") JobParameters parameters,
			@Value("#{stepExecution.executionContext}") ExecutionContext partition) throws Exception {
		RunSelection selection = RunSelection.fromJobParameters(parameters);
		Map<String, Object> values = new java.util.HashMap<>(selection.parameters());
		values.put(IdRangePartitioner.MIN_ID, partition.getLong(IdRangePartitioner.MIN_ID));
		values.put(IdRangePartitioner.MAX_ID, partition.getLong(IdRangePartitioner.MAX_ID));
		return SubmittableLineReader.of(dataSource, cipher,
				submittableLines(selection) + IdRangePartitioner.rangeFilter(SubmittableLineRowMapper.SORT_KEY), values,
				properties.chunkSize());
	}

	/** The lines a run may send: its selection's, once their run has passed its gate. */
	static String submittableLines(RunSelection selection) {
		return selection.whereClause() + " " + PASSED_THE_GATE;
	}

	/**
	 * One partition's progress while it runs; its manager step prints the added-up counts
	 * at the end.
	 */
	@Bean
	@StepScope
	StepProgressListener partitionProgressListener(PayoutRunnerProperties properties, Clock clock) {
		return StepProgressListener.whileRunning(System.out, clock, properties.progressInterval());
	}

	@Bean
	@StepScope
	BatchLineWriter batchLineWriter(BatchLineRepository lines, PayoutLifecycle lifecycle,
			com.payoutrunner.calendar.RailCutOffs cutOffs, Clock clock) {
		return new BatchLineWriter(lines, lifecycle, cutOffs, clock);
	}

	@Bean
	@StepScope
	SkipRecordingListener skipRecordingListener(SkipRecordRepository skips, PayoutRepository payouts) {
		return new SkipRecordingListener(skips, payouts);
	}

	@Bean
	@StepScope
	PaymentOrderWriter paymentOrderWriter(PaymentConnectors connectors, SubmissionRepository submissions,
			PaymentOrderBodies bodies, PayoutLifecycle lifecycle, PlatformTransactionManager transactionManager,
			Clock clock, PayoutRunnerProperties properties) {
		TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new PaymentOrderWriter(connectors, submissions, bodies, lifecycle, newTransaction, clock,
				properties.resubmissionDelays());
	}

	@Bean
	@StepScope
	PayoutRuleChain payoutRuleChain(@Value("#{jobParameters['business.date']}") LocalDate businessDate, Clock clock,
			FeeCalculator fees, RailSelector rails, FxConverter fx, ConnectorProcessor connectorProcessor) {
		return PayoutRuleChain.of(businessDate != null ? businessDate : LocalDate.now(clock), clock.instant(), fees,
				rails, fx, connectorProcessor);
	}

}
