package com.payoutrunner.support;

import java.time.Duration;
import java.time.Instant;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A run launched in the background (from the console or the API), followed to its end.
 */
public final class RunEnds {

	private RunEnds() {
	}

	/** The execution once it no longer runs, or as it is after a minute. */
	public static JobExecution await(JobRepository jobRepository, long id) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
		JobExecution execution = jobRepository.getJobExecution(id);
		while (execution.isRunning() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
			execution = jobRepository.getJobExecution(id);
		}
		return execution;
	}

}
