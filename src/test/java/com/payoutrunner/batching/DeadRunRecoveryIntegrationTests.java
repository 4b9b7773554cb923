package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.payout.EventLock;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestEvents;

/**
 * Dead runs found through Spring Batch's repository: an execution left STARTED whose
 * event lock is free is marked FAILED (the {@code fail} mode); one whose owner still
 * holds the lock is left alone.
 */
class DeadRunRecoveryIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	EventLock locks;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunLauncher launcher;

	@Test
	void aRunLeftStartedWithItsLockFreeIsMarkedFailedAndALiveOneIsLeft() throws Exception {
		JobExecution dead = leftStarted(TestEvents.unique("DEAD"));
		String aliveEvent = TestEvents.unique("ALIVE");
		JobExecution alive = leftStarted(aliveEvent);
		var recovery = new DeadRunRecovery(jobRepository, jobOperator, locks, runs, launcher,
				DeadRunRecovery.Mode.FAIL);

		try (var owner = locks.acquire(aliveEvent)) {
			assertThat(recovery.sweep()).contains(dead.getId()).doesNotContain(alive.getId());
		}

		assertThat(jobRepository.getJobExecution(dead.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(jobRepository.getJobExecution(alive.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);
		assertThat(recovery.sweep()).as("handled once").doesNotContain(dead.getId()).contains(alive.getId());
	}

	/** What a process killed in the middle of a run leaves behind. */
	private JobExecution leftStarted(String event) {
		JobParameters parameters = new JobParametersBuilder().addString(PayoutRunJobParameters.EVENT, event)
			.toJobParameters();
		JobInstance instance = jobRepository.createJobInstance(PayoutRunJobConfiguration.JOB_NAME, parameters);
		JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now());
		jobRepository.update(execution);
		return execution;
	}

}
