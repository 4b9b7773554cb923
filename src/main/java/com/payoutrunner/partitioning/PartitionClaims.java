package com.payoutrunner.partitioning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * A worker's claims on partitions, around Spring Batch's
 * {@code StepExecutionRequestHandler} in the worker's flow: {@link #claim} filters out a
 * request whose partition is no longer STARTING (it ran, runs elsewhere, or the manager
 * gave up on it) or that another delivery claimed first (a claim row in
 * {@code partition_heartbeats}), so a partition never runs twice; {@link #ended} ends the
 * claim once the partition has ended.
 */
class PartitionClaims {

	private static final Logger log = LoggerFactory.getLogger(PartitionClaims.class);

	private final JobRepository jobRepository;

	private final PartitionHeartbeats heartbeats;

	private final WorkerIdentity identity;

	PartitionClaims(JobRepository jobRepository, PartitionHeartbeats heartbeats, WorkerIdentity identity) {
		this.jobRepository = jobRepository;
		this.heartbeats = heartbeats;
		this.identity = identity;
	}

	/**
	 * @return true when this delivery runs the partition; false (the request is
	 * acknowledged and skipped) otherwise
	 * @throws RuntimeException the job repository cannot be read: after a pause, so that
	 * the broker delivers the request again
	 */
	boolean claim(StepExecutionRequest request) {
		StepExecution partition;
		try {
			partition = jobRepository.getStepExecution(request.getStepExecutionId());
		}
		catch (EmptyResultDataAccessException gone) {
			// Spring Batch 6's JDBC repository throws for an unknown id: not a database
			// problem, and handing the request back would loop on it for ever.
			partition = null;
		}
		catch (RuntimeException databaseDown) {
			log.warn("worker {}: cannot read partition {} from the job repository ({}); handing the request back",
					identity.name(), request.getStepExecutionId(), databaseDown.getMessage());
			pause();
			throw databaseDown;
		}
		if (partition == null) {
			log.warn("worker {}: no step execution {} in the job repository; request acknowledged and skipped",
					identity.name(), request.getStepExecutionId());
			return false;
		}
		if (partition.getStatus() != BatchStatus.STARTING || !heartbeats.claim(partition.getId(), identity.name())) {
			log.warn(
					"worker {}: partition {} (step execution {}) is {} or taken by another worker: "
							+ "request delivered again, acknowledged and skipped",
					identity.name(), partition.getStepName(), partition.getId(), partition.getStatus());
			return false;
		}
		log.info("worker {}: running {} (step execution {})", identity.name(), partition.getStepName(),
				partition.getId());
		return true;
	}

	/**
	 * After {@code StepExecutionRequestHandler}: ends the claim, and stores the end of a
	 * partition whose step threw instead of ending (the handler only sets it).
	 * @return null: the flow ends here, and the request is acknowledged
	 */
	Object ended(StepExecution partition) {
		heartbeats.end(partition.getId());
		StepExecution stored = jobRepository.getStepExecution(partition.getId());
		if (stored != null && stored.getStatus().isRunning() && !partition.getStatus().isRunning()) {
			jobRepository.update(partition);
		}
		log.info("worker {}: {} ended {}: read {}, written {}, skipped {}", identity.name(), partition.getStepName(),
				partition.getStatus(), partition.getReadCount(), partition.getWriteCount(), partition.getSkipCount());
		return null;
	}

	private static void pause() {
		try {
			Thread.sleep(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
