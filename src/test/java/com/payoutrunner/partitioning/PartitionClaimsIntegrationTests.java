package com.payoutrunner.partitioning;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partition request is run by one delivery only: the first claim of a STARTING
 * partition wins; a second delivery (redelivered after a worker died, or a duplicate) and
 * a request for a partition that already ran or that no longer exists are acknowledged
 * and skipped. A request for a step the worker does not have fails its partition, with
 * the reason, so that the manager does not wait for it.
 */
class PartitionClaimsIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	PartitionHeartbeats heartbeats;

	@Autowired
	BeanFactory beanFactory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onlyTheFirstDeliveryOfAStartingPartitionRunsIt() {
		StepExecution partition = partition(BatchStatus.STARTING);
		PartitionClaims workerA = claims("worker-a");
		PartitionClaims workerB = claims("worker-b");

		assertThat(workerA.claim(request(partition))).isTrue();
		assertThat(workerB.claim(request(partition))).isFalse();
		assertThat(workerA.claim(request(partition))).isFalse();
	}

	@Test
	void aPartitionThatRanOrRunsElsewhereOrIsGoneIsSkipped() {
		PartitionClaims worker = claims("worker-c");

		assertThat(worker.claim(request(partition(BatchStatus.STARTED)))).isFalse();
		assertThat(worker.claim(request(partition(BatchStatus.COMPLETED)))).isFalse();
		assertThat(worker.claim(request(partition(BatchStatus.FAILED)))).isFalse();
		assertThat(worker.claim(new StepExecutionRequest("buildBatchLinesPartitionStep", Long.MAX_VALUE))).isFalse();
	}

	@Test
	void aRequestForAStepThisWorkerDoesNotHaveFailsItsPartitionWithTheReason() {
		StepExecution partition = partition(BatchStatus.STARTING);

		assertThat(claims("worker-d").claim(new StepExecutionRequest("stepOfANewerVersion", partition.getId())))
			.isFalse();

		StepExecution stored = jobRepository.getStepExecution(partition.getId());
		assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(stored.getEndTime()).isNotNull();
		assertThat(stored.getExitStatus().getExitDescription())
			.contains("worker worker-d has no step 'stepOfANewerVersion'");
		assertThat(jdbc.sql("SELECT ended_at IS NOT NULL FROM partition_heartbeats WHERE step_execution_id = ?")
			.param(partition.getId())
			.query(Boolean.class)
			.single()).as("the claim is ended").isTrue();
	}

	private PartitionClaims claims(String worker) {
		BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
		steps.setBeanFactory(beanFactory);
		return new PartitionClaims(jobRepository, heartbeats, new WorkerIdentity(worker), steps);
	}

	private StepExecution partition(BatchStatus status) {
		var parameters = new JobParametersBuilder().addLong("claims", System.nanoTime()).toJobParameters();
		var instance = jobRepository.createJobInstance("partitionClaimsTest", parameters);
		JobExecution job = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		StepExecution partition = jobRepository.createStepExecution("buildBatchLinesStep:partition0", job);
		partition.setStatus(status);
		jobRepository.update(partition);
		return partition;
	}

	private static StepExecutionRequest request(StepExecution partition) {
		return new StepExecutionRequest("buildBatchLinesPartitionStep", partition.getId());
	}

}
