package com.payoutrunner.partitioning;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Ends, on the manager, the remote partitions no worker will end: every
 * {@code poll-interval} while a manager step waits, it marks FAILED a STARTED partition
 * whose worker's heartbeat is older than {@code worker-timeout} (a dead worker) or that
 * has committed no chunk for {@code stall-timeout} (a hung one: its heartbeat thread
 * still beats; progress is judged by the step execution's version, on the manager's own
 * clock, so workers' clocks do not matter), and, once the run is being stopped, marks
 * STOPPED the partitions no worker has taken yet. Spring Batch's
 * {@code MessageChannelPartitionHandler}, which polls the job repository until no
 * partition is running, then sees them ended, and the manager step fails (or stops).
 */
class QuietPartitionReaper implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(QuietPartitionReaper.class);

	private final JobRepository jobRepository;

	private final PartitionHeartbeats heartbeats;

	private final PartitioningProperties properties;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "partition-reaper");
		thread.setDaemon(true);
		return thread;
	});

	QuietPartitionReaper(JobRepository jobRepository, PartitionHeartbeats heartbeats,
			PartitioningProperties properties) {
		this.jobRepository = jobRepository;
		this.heartbeats = heartbeats;
		this.properties = properties;
	}

	/**
	 * Watches these partitions of a job execution until the returned watch is closed.
	 */
	AutoCloseable watch(long jobExecutionId, Set<Long> partitionIds) {
		long every = properties.pollInterval().toMillis();
		Map<Long, Progress> progress = new HashMap<>();
		ScheduledFuture<?> watch = timer.scheduleWithFixedDelay(() -> reap(jobExecutionId, partitionIds, progress),
				every, every, TimeUnit.MILLISECONDS);
		return () -> watch.cancel(false);
	}

	/**
	 * A partition's version when the manager first saw it, in nanoseconds of its clock.
	 */
	private record Progress(Integer version, long seenAt) {
	}

	private void reap(long jobExecutionId, Set<Long> partitionIds, Map<Long, Progress> progress) {
		try {
			JobExecution job = jobRepository.getJobExecution(jobExecutionId);
			List<StepExecution> mine = job.getStepExecutions()
				.stream()
				.filter(s -> partitionIds.contains(s.getId()))
				.toList();
			if (job.isStopping() || job.getStatus() == BatchStatus.STOPPED) {
				mine.stream().filter(s -> s.getStatus() == BatchStatus.STARTING).forEach(this::stopUntaken);
			}
			List<StepExecution> started = mine.stream().filter(s -> s.getStatus() == BatchStatus.STARTED).toList();
			failQuiet(started.stream().map(StepExecution::getId).toList());
			failStalled(started, progress);
		}
		catch (RuntimeException ex) {
			log.warn("cannot look at the partitions of job execution {} (database unreachable?): {}; trying again",
					jobExecutionId, ex.getMessage());
		}
	}

	private void failQuiet(Collection<Long> started) {
		long timeout = properties.workerTimeout().toSeconds();
		heartbeats.quiet(started, timeout)
			.forEach((id, worker) -> end(id, BatchStatus.STARTED, null, BatchStatus.FAILED,
					"worker " + worker + " stopped heartbeating for longer than payout.partitioning.worker-timeout ("
							+ timeout + " s): marked FAILED; restart runs it again"));
	}

	private void failStalled(List<StepExecution> started, Map<Long, Progress> progress) {
		long now = System.nanoTime();
		Duration timeout = properties.stallTimeout();
		for (StepExecution partition : started) {
			Progress last = progress.get(partition.getId());
			if (last == null || !Objects.equals(last.version(), partition.getVersion())) {
				progress.put(partition.getId(), new Progress(partition.getVersion(), now));
			}
			else if (now - last.seenAt() > timeout.toNanos()) {
				end(partition.getId(), BatchStatus.STARTED, last.version(), BatchStatus.FAILED,
						"no chunk committed for longer than payout.partitioning.stall-timeout (" + timeout.toSeconds()
								+ " s) although its worker beats its heartbeat (hung?): marked FAILED; restart runs it "
								+ "again");
			}
		}
	}

	private void stopUntaken(StepExecution partition) {
		end(partition.getId(), BatchStatus.STARTING, null, BatchStatus.STOPPED,
				"the run was stopped before a worker took this partition");
	}

	/** Fails those of these partitions that no worker has taken yet. */
	void failUntaken(Collection<Long> partitionIds, String why) {
		partitionIds.forEach(id -> end(id, BatchStatus.STARTING, null, BatchStatus.FAILED, why));
	}

	/**
	 * Ends a partition the manager gives up on, if it is still as last seen (its status,
	 * and its version when given: a chunk committed since means it is alive after all).
	 */
	private void end(long id, BatchStatus expected, Integer expectedVersion, BatchStatus status, String why) {
		StepExecution partition = jobRepository.getStepExecution(id);
		if (partition == null || partition.getStatus() != expected
				|| (expectedVersion != null && !expectedVersion.equals(partition.getVersion()))) {
			return;
		}
		partition.setStatus(status);
		partition.setExitStatus(new ExitStatus(status.name(), why));
		partition.setEndTime(LocalDateTime.now());
		jobRepository.update(partition);
		log.warn("{}: {}", partition.getStepName(), why);
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
