package com.payoutrunner.monitoring;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The scheduler: up when it is started and not in standby, with its instance id and
 * whether it is clustered. Out of service in one-off commands, which never start it.
 */
public class SchedulerHealthIndicator extends AbstractHealthIndicator {

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
		if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
			builder.up();
		}
		else {
			builder.outOfService().withDetail("reason", "the scheduler is not running");
		}
	}

}
