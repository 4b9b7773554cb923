package com.payoutrunner.batching;

import java.time.Duration;
import java.util.Locale;

import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;

import com.payoutrunner.payout.EventLock;

/**
 * What operates runs of {@code payoutRunJob} beside the job itself: launching them in the
 * background (the API), resuming dead ones, their metrics and their graceful stop.
 */
@Configuration(proxyBeanMethods = false)
class RunOperationsConfiguration {

	/**
	 * Tells the launcher (or any caller that asks) when a run's execution has started.
	 */
	@Bean
	RunStarts runStarts() {
		return new RunStarts();
	}

	@Bean
	RunLauncher runLauncher() {
		return new RunLauncher(new SimpleAsyncTaskExecutor("api-run-"), Duration.ofSeconds(30));
	}

	@Bean
	DeadRunRecovery deadRunRecovery(JobRepository jobRepository, JobOperator jobOperator, EventLock locks,
			PayoutRunOperations runs, RunLauncher launcher, @Value("${payout.recovery:restart}") String mode) {
		return new DeadRunRecovery(jobRepository, jobOperator, locks, runs, launcher,
				DeadRunRecovery.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
	}

	@Bean
	RunMetricsListener runMetricsListener(MeterRegistry registry) {
		return new RunMetricsListener(registry);
	}

	/** Waits up to 120 s for a stopping run to reach its chunk boundary. */
	@Bean
	GracefulStopListener gracefulStopListener(JobOperator jobOperator) {
		return new GracefulStopListener(jobOperator, 120);
	}

}
