package com.payoutrunner.schedule;

import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Quartz's job store (in PostgreSQL, shared by every instance) hold exactly the
 * schedules of the file: a new schedule is added, a changed one replaced, a removed one
 * deleted with its triggers, an unchanged one left alone (so that an operator's pause
 * survives a restart). A disabled schedule is registered paused.
 */
public class ScheduleRegistrar {

	private static final Logger log = LoggerFactory.getLogger(ScheduleRegistrar.class);

	public static final String GROUP = "payout-runner";

	/** In each job's data: what the schedule looked like when it was registered. */
	static final String FINGERPRINT = "fingerprint";

	/** What a registration changed. */
	public record Changes(int added, int replaced, int unchanged, int removed) {
	}

	private final Scheduler scheduler;

	private final ScheduleCatalog catalog;

	public ScheduleRegistrar(Scheduler scheduler, ScheduleCatalog catalog) {
		this.scheduler = scheduler;
		this.catalog = catalog;
	}

	public Changes register() throws SchedulerException {
		int added = 0;
		int replaced = 0;
		int unchanged = 0;
		for (ScheduleDefinition schedule : catalog.all()) {
			JobKey key = JobKey.jobKey(schedule.name(), GROUP);
			JobDetail stored = scheduler.getJobDetail(key);
			String fingerprint = fingerprint(schedule);
			if (stored != null && fingerprint.equals(stored.getJobDataMap().getString(FINGERPRINT))) {
				unchanged++;
				continue;
			}
			JobDetail job = JobBuilder.newJob(LaunchBatchJobQuartzJob.class)
				.withIdentity(key)
				.withDescription(schedule.job() + " " + schedule.trigger())
				.usingJobData(FINGERPRINT, fingerprint)
				.storeDurably()
				.build();
			// Replacing the job also drops one-off fires moved from closed days under the
			// old definition.
			scheduler.scheduleJob(job, Set.of(trigger(schedule, job)), true);
			if (!schedule.enabled()) {
				scheduler.pauseTrigger(TriggerKey.triggerKey(schedule.name(), GROUP));
			}
			if (stored == null) {
				added++;
			}
			else {
				replaced++;
			}
			log.info("schedule {} {}: {} ({}){}", schedule.name(), stored == null ? "added" : "replaced",
					schedule.trigger(), schedule.zone(), schedule.enabled() ? "" : ", disabled");
		}
		int removed = 0;
		for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
			if (catalog.find(key.getName()).isEmpty()) {
				scheduler.deleteJob(key);
				removed++;
				log.info("schedule {} removed: no longer in {}", key.getName(), catalog.file());
			}
		}
		return new Changes(added, replaced, unchanged, removed);
	}

	static Trigger trigger(ScheduleDefinition schedule, JobDetail job) {
		CronScheduleBuilder cron = CronScheduleBuilder.cronSchedule(schedule.trigger().cronExpression(schedule.zone()))
			.inTimeZone(TimeZone.getTimeZone(schedule.zone()));
		cron = schedule.misfirePolicy().quartzInstruction() == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
				? cron.withMisfireHandlingInstructionDoNothing() : cron.withMisfireHandlingInstructionFireAndProceed();
		return TriggerBuilder.newTrigger()
			.withIdentity(schedule.name(), GROUP)
			.forJob(job)
			.withDescription(schedule.trigger().quartzCron() + " " + schedule.zone())
			.withSchedule(cron)
			.build();
	}

	static String fingerprint(ScheduleDefinition schedule) {
		return com.payoutrunner.core.Sha256.hex(schedule.toString());
	}

}
