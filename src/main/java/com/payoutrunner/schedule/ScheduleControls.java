package com.payoutrunner.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Service;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.batching.ScheduledRun;

/**
 * What an operator does to a schedule, wherever they ask (the API, the console): read the
 * state of its trigger, pause and resume it in the shared job store (every instance sees
 * it), run its current slot now.
 */
@Service
public class ScheduleControls {

	/** The state of a trigger the scheduler does not have (serve registers them). */
	public static final String NOT_REGISTERED = "not_registered";

	/** A schedule whose trigger is not in the job store: nothing to pause or resume. */
	public static class NotRegisteredException extends RuntimeException {

		NotRegisteredException(ScheduleDefinition schedule) {
			super("schedule " + schedule.name() + " is not registered with the scheduler (serve registers it)");
		}

	}

	/** A slot run now: which slot, and the run that started or why none did. */
	public record Triggered(String slot, RunLauncher.Launch launch) {
	}

	private final Scheduler scheduler;

	private final PayoutRunOperations runs;

	private final RunLauncher launcher;

	private final Clock clock;

	public ScheduleControls(Scheduler scheduler, PayoutRunOperations runs, RunLauncher launcher, Clock clock) {
		this.scheduler = scheduler;
		this.runs = runs;
		this.launcher = launcher;
		this.clock = clock;
	}

	/**
	 * Quartz's state of the schedule's trigger in lower case ({@code normal},
	 * {@code paused}, {@code blocked}...), or {@link #NOT_REGISTERED}.
	 */
	public String state(ScheduleDefinition schedule) throws SchedulerException {
		Trigger.TriggerState state = scheduler.getTriggerState(key(schedule));
		return state == Trigger.TriggerState.NONE ? NOT_REGISTERED : state.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws NotRegisteredException when the scheduler does not have its trigger
	 */
	public void pause(ScheduleDefinition schedule) throws SchedulerException {
		scheduler.pauseTrigger(registered(schedule));
	}

	/**
	 * @throws NotRegisteredException when the scheduler does not have its trigger
	 */
	public void resume(ScheduleDefinition schedule) throws SchedulerException {
		scheduler.resumeTrigger(registered(schedule));
	}

	/**
	 * Runs the schedule's current slot now, in the background (already done if that slot
	 * ran). The operator who triggers it is its launcher: they may not approve it if it
	 * waits.
	 */
	public Triggered trigger(ScheduleDefinition schedule, String by) throws Exception {
		Instant now = clock.instant();
		ScheduledRun slot = ScheduledRun.of(schedule.name(), schedule.slotFor(now), schedule.parameters(),
				LocalDate.ofInstant(now, schedule.zone()));
		return new Triggered(slot.slot(), launcher.launch(whenStarted -> runs.runSlot(slot, by, whenStarted)));
	}

	private TriggerKey registered(ScheduleDefinition schedule) throws SchedulerException {
		TriggerKey key = key(schedule);
		if (!scheduler.checkExists(key)) {
			throw new NotRegisteredException(schedule);
		}
		return key;
	}

	private static TriggerKey key(ScheduleDefinition schedule) {
		return TriggerKey.triggerKey(schedule.name(), ScheduleRegistrar.GROUP);
	}

}
