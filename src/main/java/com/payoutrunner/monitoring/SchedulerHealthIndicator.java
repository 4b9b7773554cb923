package com.payoutrunner.monitoring;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The scheduler, with its instance id and whether it is clustered: up while it takes
 * fires, and also up in standby (an API-only instance, or a one-off command, takes no
 * fires on purpose); down once it has shut down or its job store cannot be read.
 */
class SchedulerHealthIndicator extends AbstractHealthIndicator {

	private final Scheduler scheduler;

	public SchedulerHealthIndicator(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SchedulerException {
		var metadata = scheduler.getMetaData();
		builder.withDetail("instance", metadata.getSchedulerInstanceId())
			.withDetail("clustered", metadata.isJobStoreClustered())
			.withDetail("jobs_executed", metadata.getNumberOfJobsExecuted());
		if (scheduler.isShutdown()) {
			builder.down().withDetail("state", "shut down");
		}
		else {
			// Reading the job store proves the database side of the scheduler works.
			builder.withDetail("triggers", scheduler.getTriggerGroupNames().size() > 0 ? "registered" : "none")
				.withDetail("state", scheduler.isStarted() && !scheduler.isInStandbyMode() ? "running" : "standby")
				.up();
		}
	}

}
