package com.payoutrunner.batching;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Times every payout run ({@code payout.run.duration}, tagged with how it ended and
 * whether it was an event or a scheduled run), for the metrics endpoint.
 */
class RunMetricsListener implements JobExecutionListener {

	private final MeterRegistry registry;

	public RunMetricsListener(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStartTime() == null) {
			return;
		}
		var end = execution.getEndTime() != null ? execution.getEndTime() : java.time.LocalDateTime.now();
		boolean scheduled = execution.getJobParameters().getString(PayoutRunJobParameters.SCHEDULE) != null;
		Timer.builder("payout.run.duration")
			.description("how long payout runs take")
			.tag("status", execution.getStatus().name())
			.tag("kind", scheduled ? "schedule" : "event")
			.register(registry)
			.record(Duration.between(execution.getStartTime(), end));
	}

}
