package com.payoutrunner.partitioning;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Sends each partition to the workers as a {@link PartitionRequest} on RabbitMQ, then
 * learns how they end by polling the job repository (not by waiting for replies, which a
 * dead worker never sends). A partition STARTED by a worker whose heartbeat is older than
 * {@code payout.partitioning.worker-timeout} is marked FAILED here, so the manager step
 * fails within that time and {@code restart} runs that partition again. When the run is
 * being stopped, partitions no worker has taken yet are marked STOPPED.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final String workerStepName;

	private final PartitionRequestSender sender;

	private final JobRepository jobRepository;

	private final PartitionHeartbeats heartbeats;

	private final PartitioningProperties properties;

	RemotePartitionHandler(String workerStepName, PartitionRequestSender sender, JobRepository jobRepository,
			PartitionHeartbeats heartbeats, PartitioningProperties properties) {
		this.workerStepName = workerStepName;
		this.sender = sender;
		this.jobRepository = jobRepository;
		this.heartbeats = heartbeats;
		this.properties = properties;
		setGridSize(properties.gridSize());
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		if (partitions.isEmpty()) {
			return partitions;
		}
		sender.send(partitions.stream()
			.map(partition -> new PartitionRequest(workerStepName, partition.getId()))
			.sorted(java.util.Comparator.comparingLong(PartitionRequest::stepExecutionId))
			.toList());
		log.info("{}: {} partition request(s) sent to {}", manager.getStepName(), partitions.size(),
				properties.requestQueue());
		Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
		while (true) {
			Thread.sleep(properties.pollInterval().toMillis());
			JobExecution job = jobRepository.getJobExecution(manager.getJobExecutionId());
			List<StepExecution> mine = job.getStepExecutions().stream().filter(s -> ids.contains(s.getId())).toList();
			if (job.isStopping() || job.getStatus() == BatchStatus.STOPPED) {
				mine.stream().filter(s -> s.getStatus() == BatchStatus.STARTING).forEach(this::stopUntaken);
			}
			failQuiet(mine.stream().filter(s -> s.getStatus() == BatchStatus.STARTED).toList());
			if (mine.stream().noneMatch(s -> s.getStatus().isRunning())) {
				return new HashSet<>(mine);
			}
		}
	}

	private void failQuiet(List<StepExecution> started) {
		Map<Long, String> quiet = heartbeats.quiet(started.stream().map(StepExecution::getId).toList(),
				properties.workerTimeout().toSeconds());
		quiet.forEach((id,
				worker) -> end(id, BatchStatus.STARTED, BatchStatus.FAILED, "worker " + worker
						+ " stopped heartbeating for longer than payout.partitioning.worker-timeout ("
						+ properties.workerTimeout().toSeconds() + " s): marked FAILED; restart runs it again"));
	}

	private void stopUntaken(StepExecution partition) {
		end(partition.getId(), BatchStatus.STARTING, BatchStatus.STOPPED,
				"the run was stopped before a worker took this partition");
	}

	/** Ends a partition the manager gives up on, if it is still as last seen. */
	private void end(long id, BatchStatus expected, BatchStatus status, String why) {
		StepExecution partition = jobRepository.getStepExecution(id);
		if (partition == null || partition.getStatus() != expected) {
			return;
		}
		partition.setStatus(status);
		partition.setExitStatus(new ExitStatus(status.name(), why));
		partition.setEndTime(LocalDateTime.now());
		jobRepository.update(partition);
		log.warn("{}: {}", partition.getStepName(), why);
	}

}
