package com.payoutrunner.partitioning;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.BeansException;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * A worker's claims on partitions, around Spring Batch's
 * {@code StepExecutionRequestHandler} in the worker's flow: {@link #claim} filters out a
 * request whose partition is no longer STARTING (it ran, runs elsewhere, or the manager
 * gave up on it) or that another delivery claimed first (a claim row in
 * {@code partition_heartbeats}), so a partition never runs twice; {@link #ended} ends the
 * claim once the partition has ended. A request for a step this worker does not have (a
 * worker of another version) fails its partition at once, with the reason, rather than
 * leave the manager waiting for a partition nobody can run.
 */
class PartitionClaims {

	private static final Logger log = LoggerFactory.getLogger(PartitionClaims.class);

	private final JobRepository jobRepository;

	private final PartitionHeartbeats heartbeats;

	private final WorkerIdentity identity;

	private final StepLocator steps;

	PartitionClaims(JobRepository jobRepository, PartitionHeartbeats heartbeats, WorkerIdentity identity,
			StepLocator steps) {
		this.jobRepository = jobRepository;
		this.heartbeats = heartbeats;
		this.identity = identity;
		this.steps = steps;
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
		if (!hasStep(request.getStepName())) {
			failForUnknownStep(partition, request.getStepName());
			return false;
		}
		log.info("worker {}: running {} (step execution {})", identity.name(), partition.getStepName(),
				partition.getId());
		return true;
	}

	private boolean hasStep(String stepName) {
		try {
			return steps.getStep(stepName) != null;
		}
		catch (BeansException unknown) {
			return false;
		}
	}

	private void failForUnknownStep(StepExecution partition, String stepName) {
		String reason = "worker " + identity.name() + " has no step '" + stepName
				+ "' (a worker of another version?); restart the run once the workers run the manager's version";
		partition.setStatus(BatchStatus.FAILED);
		partition.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
		partition.setEndTime(LocalDateTime.now());
		jobRepository.update(partition);
		heartbeats.end(partition.getId());
		log.error("worker {}: partition {} (step execution {}) failed: {}", identity.name(), partition.getStepName(),
				partition.getId(), reason);
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
