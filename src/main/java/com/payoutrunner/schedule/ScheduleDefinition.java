package com.payoutrunner.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of jobs/schedules.yaml: which batch job runs when, with which parameters.
 *
 * @param name unique, lower-case words joined by dashes; part of every run's identity
 * @param job the Spring Batch job it launches
 * @param trigger when it fires, in {@code zone}
 * @param zone the time zone of the trigger and of the slots
 * @param misfirePolicy what happens to a fire the scheduler missed
 * @param enabled false: validated and listed, never fired
 * @param calendar the business calendar whose non-business days move a fire to the next
 * business day, if any
 * @param parameters passed to the job as they are, besides {@code schedule} and
 * {@code slot}
 */
public record ScheduleDefinition(String name, String job, ScheduleTrigger trigger, ZoneId zone,
		MisfirePolicy misfirePolicy, boolean enabled, Optional<String> calendar, Map<String, String> parameters) {

	/** The identifying job parameters every fire adds. */
	public static final String SCHEDULE_PARAMETER = "schedule";

	public static final String SLOT_PARAMETER = "slot";

	static final Set<String> RESERVED_PARAMETERS = Set.of(SCHEDULE_PARAMETER, SLOT_PARAMETER);

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	static final int MAX_NAME_LENGTH = 64;

	static final String NAME_RULE = "must be lower-case letters and digits in words joined by single dashes (such as daily-normal), at most "
			+ MAX_NAME_LENGTH + " characters";

	static final Pattern PARAMETER_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

	public ScheduleDefinition {
		Objects.requireNonNull(trigger, "trigger");
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(misfirePolicy, "misfirePolicy");
		Objects.requireNonNull(calendar, "calendar");
		if (!isValidName(name)) {
			throw new IllegalArgumentException("name '" + name + "' " + NAME_RULE);
		}
		if (job == null || job.isBlank()) {
			throw new IllegalArgumentException("job is required");
		}
		requireRegionOrUtc(zone);
		trigger.timeOfDay().ifPresent(at -> requireTimeExistsEveryDay(at, zone));
		parameters.forEach(ScheduleDefinition::requireValidParameter);
		// In file order, for listings.
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * The slot of a fire scheduled at this instant: its period in the schedule's zone.
	 */
	public String slotFor(Instant scheduledFireTime) {
		return trigger.slot(scheduledFireTime.atZone(zone).toLocalDateTime());
	}

	static boolean isValidName(String name) {
		return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
	}

	// A fixed offset (+02:00) silently ignores daylight saving time: say Europe/Paris.
	static void requireRegionOrUtc(ZoneId zone) {
		if (zone instanceof ZoneOffset && !zone.equals(ZoneOffset.UTC)) {
			throw new IllegalArgumentException(
					"zone '" + zone + "' is a fixed offset: use a region such as Europe/Paris, or UTC");
		}
	}

	/**
	 * Quartz silently skips a cron fire whose local time does not exist (the hour skipped
	 * when daylight saving time starts), which would lose that day's run: refuse such a
	 * time. A time that happens twice (when it ends) is fine: Quartz fires it once, at
	 * the second occurrence.
	 */
	static void requireTimeExistsEveryDay(LocalTime at, ZoneId zone) {
		for (ZoneOffsetTransitionRule rule : zone.getRules().getTransitionRules()) {
			ZoneOffsetTransition transition = rule.createTransition(2030);
			LocalTime from = transition.getDateTimeBefore().toLocalTime();
			LocalTime to = transition.getDateTimeAfter().toLocalTime();
			boolean inGap = from.isBefore(to) ? !at.isBefore(from) && at.isBefore(to)
					: !at.isBefore(from) || at.isBefore(to);
			if (transition.isGap() && inGap) {
				throw new IllegalArgumentException("time " + at + " does not exist in " + zone
						+ " on the day daylight saving time starts (clocks go from " + from + " to " + to
						+ "), and Quartz would skip that day: choose a time outside " + from + "-" + to);
			}
		}
	}

	static void requireValidParameter(String key, String value) {
		if (RESERVED_PARAMETERS.contains(key)) {
			throw new IllegalArgumentException("parameter '" + key + "' is set by the scheduler for every fire");
		}
		if (!PARAMETER_NAME.matcher(key).matches()) {
			throw new IllegalArgumentException(
					"parameter name '" + key + "' must be lower-case words (letters, digits, _) joined by dots");
		}
		Objects.requireNonNull(value, () -> "parameter '" + key + "' has no value");
	}

}
