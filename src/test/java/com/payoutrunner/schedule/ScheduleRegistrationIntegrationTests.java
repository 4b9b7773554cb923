package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The schedules file against Quartz's job store in PostgreSQL: registration adds,
 * replaces, removes and leaves alone; a fire on a closed day moves to the next business
 * day in the store.
 */
class ScheduleRegistrationIntegrationTests extends PostgresIntegrationTest {

	static final String DAILY = """
			  - name: daily-normal
			    job: payoutRunJob
			    trigger: daily
			    at: "%s"
			    zone: Europe/Brussels
			    calendar: target
			    parameters:
			      priorities: normal
			""";

	static final String WEEKLY_DISABLED = """
			  - name: weekly-low
			    job: payoutRunJob
			    trigger: weekly
			    day: saturday
			    at: "07:00"
			    zone: Europe/Brussels
			    calendar: target
			    enabled: false
			""";

	static final String ASAP = """
			  - name: asap-instant
			    job: payoutRunJob
			    trigger: asap
			    interval: 1m
			    zone: UTC
			    misfire: skip
			""";

	@Autowired
	Scheduler scheduler;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	PayoutRunOperations runs;

	@TempDir
	Path dir;

	@BeforeEach
	void emptyTheStore() throws Exception {
		for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(ScheduleRegistrar.GROUP))) {
			scheduler.deleteJob(key);
		}
	}

	@Test
	void registrationFollowsTheFileAndKeepsAnOperatorsPause() throws Exception {
		ScheduleCatalog first = catalog("first.yaml", DAILY.formatted("13:00") + WEEKLY_DISABLED + ASAP);

		assertThat(new ScheduleRegistrar(scheduler, first).register())
			.isEqualTo(new ScheduleRegistrar.Changes(3, 0, 0, 0));
		CronTrigger daily = (CronTrigger) scheduler.getTrigger(trigger("daily-normal"));
		assertThat(daily.getCronExpression()).isEqualTo("0 0 13 * * ?");
		assertThat(daily.getTimeZone()).isEqualTo(TimeZone.getTimeZone("Europe/Brussels"));
		assertThat(daily.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
		assertThat(((CronTrigger) scheduler.getTrigger(trigger("asap-instant"))).getMisfireInstruction())
			.isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
		assertThat(scheduler.getTriggerState(trigger("weekly-low"))).isEqualTo(Trigger.TriggerState.PAUSED);

		scheduler.pauseTrigger(trigger("daily-normal"));
		assertThat(new ScheduleRegistrar(scheduler, first).register())
			.isEqualTo(new ScheduleRegistrar.Changes(0, 0, 3, 0));
		assertThat(scheduler.getTriggerState(trigger("daily-normal"))).isEqualTo(Trigger.TriggerState.PAUSED);

		ScheduleCatalog second = catalog("second.yaml", DAILY.formatted("14:30") + ASAP + """
				  - name: monthly-ops
				    job: payoutRunJob
				    trigger: monthly
				    day: last
				    at: "06:00"
				    zone: Europe/Brussels
				""");

		assertThat(new ScheduleRegistrar(scheduler, second).register())
			.isEqualTo(new ScheduleRegistrar.Changes(1, 1, 1, 1));
		assertThat(((CronTrigger) scheduler.getTrigger(trigger("daily-normal"))).getCronExpression())
			.isEqualTo("0 30 14 * * ?");
		assertThat(scheduler.checkExists(JobKey.jobKey("weekly-low", ScheduleRegistrar.GROUP))).isFalse();
		assertThat(scheduler.getTriggerState(trigger("monthly-ops"))).isEqualTo(Trigger.TriggerState.NORMAL);
	}

	@Test
	void aFireOnAClosedDayMovesToTheNextBusinessDayUnderItsOwnSlot() throws Exception {
		ScheduleCatalog catalog = catalog("closed.yaml", WEEKLY_DISABLED.replace("enabled: false", "enabled: true"));
		new ScheduleRegistrar(scheduler, catalog).register();
		// Saturday 2026-12-26: a weekend, and Boxing Day; TARGET opens again on Monday
		// the
		// 28th.
		ZonedDateTime saturday = ZonedDateTime.parse("2026-12-26T07:00+01:00[Europe/Brussels]");

		new LaunchBatchJobQuartzJob(catalog, calendars, runs).execute(fire("weekly-low", saturday, new JobDataMap()));

		Trigger moved = scheduler.getTrigger(TriggerKey.triggerKey("weekly-low@2026-W52", "payout-runner-moved"));
		assertThat(moved).isNotNull();
		assertThat(moved.getStartTime().toInstant())
			.isEqualTo(ZonedDateTime.parse("2026-12-28T07:00+01:00[Europe/Brussels]").toInstant());
		assertThat(moved.getJobDataMap().getString(LaunchBatchJobQuartzJob.MOVED_SLOT)).isEqualTo("2026-W52");
	}

	@Test
	void aDailyFireOnAClosedDayJoinsTheNextBusinessDaysOwnRun() throws Exception {
		ScheduleCatalog catalog = catalog("daily.yaml", DAILY.formatted("13:00"));
		new ScheduleRegistrar(scheduler, catalog).register();
		ZonedDateTime sunday = ZonedDateTime.parse("2026-11-22T13:00+01:00[Europe/Brussels]");

		new LaunchBatchJobQuartzJob(catalog, calendars, runs).execute(fire("daily-normal", sunday, new JobDataMap()));

		assertThat(scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals("payout-runner-moved"))).isEmpty();
	}

	private JobExecutionContext fire(String schedule, ZonedDateTime at, JobDataMap data) throws Exception {
		JobExecutionContext context = mock(JobExecutionContext.class);
		when(context.getJobDetail())
			.thenReturn(scheduler.getJobDetail(JobKey.jobKey(schedule, ScheduleRegistrar.GROUP)));
		when(context.getScheduledFireTime()).thenReturn(Date.from(at.toInstant()));
		when(context.getMergedJobDataMap()).thenReturn(data);
		when(context.getScheduler()).thenReturn(scheduler);
		return context;
	}

	private ScheduleCatalog catalog(String name, String schedules) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, "schedules:\n" + schedules);
		return ScheduleCatalog.load(file, calendars);
	}

	private static TriggerKey trigger(String name) {
		return TriggerKey.triggerKey(name, ScheduleRegistrar.GROUP);
	}

}
