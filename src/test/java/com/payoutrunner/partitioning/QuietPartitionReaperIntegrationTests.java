package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The manager gives up on a remote partition whose worker died (its heartbeat went quiet)
 * or hangs (it beats its heartbeat but commits no chunk), each with its reason, and
 * leaves alone one that commits chunks, however long it runs.
 */
class QuietPartitionReaperIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	PartitionHeartbeats heartbeats;

	@Autowired
	JdbcClient jdbc;

	@Test
	void deadAndHungWorkersPartitionsFailWorkingOnesRun() throws Exception {
		var settings = new PartitioningProperties(PartitioningProperties.Mode.REMOTE, 3, "reaper-test",
				Duration.ofSeconds(60), Duration.ofMillis(100), "", Duration.ofMinutes(2), Duration.ofSeconds(2));
		JobExecution job = job();
		StepExecution dead = partition(job, 0);
		StepExecution hung = partition(job, 1);
		StepExecution working = partition(job, 2);
		heartbeats.claim(dead.getId(), "worker-dead");
		heartbeats.claim(hung.getId(), "worker-hung");
		heartbeats.claim(working.getId(), "worker-ok");
		jdbc.sql("UPDATE partition_heartbeats SET beat_at = now() - interval '2 minutes' WHERE step_execution_id = ?")
			.param(dead.getId())
			.update();

		try (QuietPartitionReaper reaper = new QuietPartitionReaper(jobRepository, heartbeats, settings);
				AutoCloseable watch = reaper.watch(job.getId(), Set.of(dead.getId(), hung.getId(), working.getId()))) {
			// The working partition commits a chunk every 250 ms until the hung one has
			// been
			// failed (2 s of stall-timeout after the reaper first saw it), or 20 s
			// passed.
			Instant deadline = Instant.now().plusSeconds(20);
			for (int i = 0; Instant.now().isBefore(deadline)
					&& jobRepository.getStepExecution(hung.getId()).getStatus() == BatchStatus.STARTED; i++) {
				heartbeats.beat(Set.of(hung.getId(), working.getId()));
				working.setCommitCount(i);
				jobRepository.update(working);
				Thread.sleep(250);
			}
		}

		StepExecution deadNow = jobRepository.getStepExecution(dead.getId());
		assertThat(deadNow.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(deadNow.getExitStatus().getExitDescription()).contains("worker worker-dead (last heartbeat")
			.contains("stopped heartbeating");
		StepExecution hungNow = jobRepository.getStepExecution(hung.getId());
		assertThat(hungNow.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(hungNow.getExitStatus().getExitDescription())
			.contains("no chunk committed for longer than payout.partitioning.stall-timeout (2 s)");
		assertThat(jobRepository.getStepExecution(working.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
	}

	@Test
	void whenTheManagerStepFailsThePartitionsNoWorkerTookAreFailedSoTheirRequestsAreSkipped() {
		var settings = new PartitioningProperties(PartitioningProperties.Mode.REMOTE, 2, "reaper-test",
				Duration.ofSeconds(60), Duration.ofMillis(100), "", Duration.ofMinutes(2), Duration.ofMinutes(30));
		JobExecution job = job();
		StepExecution untaken = partition(job, 0, BatchStatus.STARTING);
		StepExecution running = partition(job, 1, BatchStatus.STARTED);

		try (QuietPartitionReaper reaper = new QuietPartitionReaper(jobRepository, heartbeats, settings)) {
			reaper.failUntaken(Set.of(untaken.getId(), running.getId()), "not sent");
		}

		assertThat(jobRepository.getStepExecution(untaken.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jobRepository.getStepExecution(untaken.getId()).getExitStatus().getExitDescription())
			.isEqualTo("not sent");
		assertThat(jobRepository.getStepExecution(running.getId()).getStatus()).as("a worker runs it")
			.isEqualTo(BatchStatus.STARTED);
	}

	private JobExecution job() {
		var parameters = new JobParametersBuilder().addLong("reaper", System.nanoTime()).toJobParameters();
		var instance = jobRepository.createJobInstance("quietPartitionReaperTest", parameters);
		return jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
	}

	private StepExecution partition(JobExecution job, int number) {
		return partition(job, number, BatchStatus.STARTED);
	}

	private StepExecution partition(JobExecution job, int number, BatchStatus status) {
		StepExecution partition = jobRepository.createStepExecution("submitBatchLinesStep:partition" + number, job);
		partition.setStatus(status);
		jobRepository.update(partition);
		return partition;
	}

}
