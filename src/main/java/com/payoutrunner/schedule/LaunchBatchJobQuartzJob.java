package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendar;
import com.payoutrunner.calendar.BusinessCalendars;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Optional;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.payout.EventLock;

/**
 * The one Quartz job: a fire of a schedule launches its batch job for the fire's slot.
 * <ul>
 * <li>The slot comes from the fire's scheduled time (not the time it ran), so a late or
 * double fire, on this instance or another, names the same slot, and the batch job's
 * identity makes it run once.</li>
 * <li>A fire on a day the schedule's business calendar is closed runs nothing: it
 * schedules a one-off fire at the same local time on the next business day, under its own
 * slot, unless the schedule fires then anyway (a daily run's weekend joins Monday's, as
 * {@link NextFireTimes} lists it).</li>
 * <li>Nothing is thrown back to Quartz: a failed run is FAILED in the job repository,
 * where operators restart it; a refire here would only run the same slot again.</li>
 * </ul>
 */
class LaunchBatchJobQuartzJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(LaunchBatchJobQuartzJob.class);

	/** In a one-off fire's data: the slot of the closed day it was moved from. */
	static final String MOVED_SLOT = "movedSlot";

	static final String MOVED_GROUP = "payout-runner-moved";

	private final ScheduleCatalog catalog;

	private final BusinessCalendars calendars;

	private final PayoutRunOperations runs;

	public LaunchBatchJobQuartzJob(ScheduleCatalog catalog, BusinessCalendars calendars, PayoutRunOperations runs) {
		this.catalog = catalog;
		this.calendars = calendars;
		this.runs = runs;
	}

	@Override
	public void execute(JobExecutionContext context) {
		String name = context.getJobDetail().getKey().getName();
		Optional<ScheduleDefinition> found = catalog.find(name);
		if (found.isEmpty()) {
			log.warn("schedule {} fired but is no longer in {}; nothing runs", name, catalog.file());
			return;
		}
		ScheduleDefinition schedule = found.get();
		Instant scheduled = context.getScheduledFireTime().toInstant();
		ZonedDateTime at = scheduled.atZone(schedule.zone());
		String movedSlot = context.getMergedJobDataMap().getString(MOVED_SLOT);
		Optional<BusinessCalendar> calendar = schedule.calendar().map(calendars::get);
		if (movedSlot == null && calendar.isPresent() && !calendar.get().isBusinessDay(at.toLocalDate())) {
			moveToNextBusinessDay(context, schedule, at, calendar.get());
			return;
		}
		String slot = movedSlot != null ? movedSlot : schedule.slotFor(scheduled);
		launch(schedule, slot, at.toLocalDate());
	}

	private void launch(ScheduleDefinition schedule, String slot, LocalDate businessDate) {
		try (var context = MDC.putCloseable("schedule", schedule.name() + "@" + slot)) {
			var result = runs.runSlot(ScheduledRun.of(schedule.name(), slot, schedule.parameters(), businessDate));
			log.info("schedule {} slot {}: {}", schedule.name(), slot, result.message());
		}
		catch (EventLock.EventBusyException busy) {
			log.info("schedule {} slot {}: its previous slot is still running; what this slot would pay goes with"
					+ " the next one", schedule.name(), slot);
		}
		catch (Exception ex) {
			log.error("schedule {} slot {} could not run: {}", schedule.name(), slot, ex.getMessage(), ex);
		}
	}

	private void moveToNextBusinessDay(JobExecutionContext context, ScheduleDefinition schedule, ZonedDateTime at,
			BusinessCalendar calendar) {
		String slot = schedule.slotFor(at.toInstant());
		ZonedDateTime moved = ZonedDateTime.of(calendar.nextBusinessDay(at.toLocalDate()), at.toLocalTime(),
				schedule.zone());
		if (schedule.trigger().cronExpression(schedule.zone()).isSatisfiedBy(Date.from(moved.toInstant()))) {
			log.info("schedule {} slot {}: {} is closed; joins the run of {}", schedule.name(), slot, at.toLocalDate(),
					moved.toLocalDate());
			return;
		}
		Trigger oneOff = TriggerBuilder.newTrigger()
			.withIdentity(schedule.name() + "@" + slot, MOVED_GROUP)
			.forJob(context.getJobDetail().getKey())
			.usingJobData(MOVED_SLOT, slot)
			.startAt(Date.from(moved.toInstant()))
			.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
			.build();
		try {
			context.getScheduler().scheduleJob(oneOff);
			log.info("schedule {} slot {}: {} is closed; moved to {}", schedule.name(), slot, at.toLocalDate(), moved);
		}
		catch (ObjectAlreadyExistsException alreadyMoved) {
			log.info("schedule {} slot {}: already moved to {}", schedule.name(), slot, moved);
		}
		catch (SchedulerException ex) {
			log.error("schedule {} slot {}: cannot move it to {}: {}", schedule.name(), slot, moved, ex.getMessage());
		}
	}

}
