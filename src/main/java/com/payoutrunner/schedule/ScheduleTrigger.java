package com.payoutrunner.schedule;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

import org.quartz.CronExpression;

/**
 * When a schedule fires, in its own time zone. Every kind is also a Quartz cron
 * expression ({@link #quartzCron()}), the form the scheduler registers, and names the
 * period a fire is for ({@link #slot(LocalDateTime)}): two fires of the same period are
 * one job instance.
 */
public sealed interface ScheduleTrigger {

	DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", Locale.ROOT);

	DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

	/** The Quartz cron expression (seconds first) that fires this trigger. */
	String quartzCron();

	/**
	 * The period a fire at this local time is for: a deterministic string, the same on
	 * every instance that computes it for the same scheduled fire time.
	 */
	String slot(LocalDateTime fireTime);

	/** The local time it fires at, for the kinds that fire once a day at most. */
	default Optional<LocalTime> timeOfDay() {
		return Optional.empty();
	}

	/**
	 * A Quartz cron expression for this trigger in the zone (a new one: they are
	 * mutable).
	 */
	default CronExpression cronExpression(ZoneId zone) {
		try {
			CronExpression expression = new CronExpression(quartzCron());
			expression.setTimeZone(TimeZone.getTimeZone(zone));
			return expression;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("invalid cron '" + quartzCron() + "' for " + this, ex);
		}
	}

	/**
	 * Every {@code interval}, aligned to the clock of the zone (every 15 minutes fires at
	 * :00, :15, :30, :45), so that each fire starts its own slot. That is why the
	 * interval must divide an hour or a day, and why this is a cron and not a Quartz
	 * simple interval, which would drift from the slot boundaries after a restart.
	 */
	record Asap(Duration interval) implements ScheduleTrigger {

		@Override
		public String toString() {
			return "every " + format(interval);
		}

		public Asap {
			long seconds = interval.getSeconds();
			boolean wholeSeconds = interval.getNano() == 0;
			boolean dividesAMinute = seconds >= 1 && seconds < 60 && 60 % seconds == 0;
			long minutes = interval.toMinutes();
			boolean wholeMinutes = interval.equals(Duration.ofMinutes(minutes));
			boolean dividesAnHour = wholeMinutes && minutes >= 1 && minutes < 60 && 60 % minutes == 0;
			boolean dividesADay = wholeMinutes && minutes >= 60 && minutes % 60 == 0 && 24 % (minutes / 60) == 0
					&& minutes < 1440;
			if (!wholeSeconds || !(dividesAMinute || dividesAnHour || dividesADay)) {
				throw new IllegalArgumentException("interval " + format(interval)
						+ " must divide a minute (1s 2s 5s 10s 15s 20s 30s), an hour (1m 2m 3m 4m 5m 6m 10m 12m 15m 20m 30m)"
						+ " or a day (1h 2h 3h 4h 6h 8h 12h)");
			}
		}

		@Override
		public String quartzCron() {
			long seconds = interval.getSeconds();
			if (seconds < 60) {
				return "0/" + seconds + " * * * * ?";
			}
			long minutes = interval.toMinutes();
			return (minutes < 60) ? "0 0/" + minutes + " * * * ?" : "0 0 0/" + (minutes / 60) + " * * ?";
		}

		/**
		 * The start of the interval the fire belongs to; to the second for intervals
		 * under a minute (tests and demos), else to the minute.
		 */
		@Override
		public String slot(LocalDateTime fireTime) {
			long seconds = interval.getSeconds();
			long secondOfDay = fireTime.toLocalTime().toSecondOfDay();
			LocalDateTime start = fireTime.truncatedTo(ChronoUnit.DAYS)
				.plusSeconds(secondOfDay - secondOfDay % seconds);
			return seconds < 60 ? SECOND.format(start) : MINUTE.format(start);
		}

		static String format(Duration interval) {
			if (interval.getSeconds() < 60 && interval.getNano() == 0 && interval.getSeconds() > 0) {
				return interval.getSeconds() + "s";
			}
			long minutes = interval.toMinutes();
			if (!interval.equals(Duration.ofMinutes(minutes))) {
				return interval.toString();
			}
			return (minutes % 60 == 0 && minutes > 0) ? (minutes / 60) + "h" : minutes + "m";
		}

	}

	/** Every day at a local time; the slot is the date (2026-11-23). */
	record Daily(LocalTime at) implements ScheduleTrigger {

		@Override
		public String toString() {
			return "daily at " + at;
		}

		public Daily {
			requireWholeMinute(at);
		}

		@Override
		public Optional<LocalTime> timeOfDay() {
			return Optional.of(at);
		}

		@Override
		public String quartzCron() {
			return "0 " + at.getMinute() + " " + at.getHour() + " * * ?";
		}

		@Override
		public String slot(LocalDateTime fireTime) {
			return fireTime.toLocalDate().toString();
		}

	}

	/** Every week on a day at a local time; the slot is the ISO week (2026-W48). */
	record Weekly(DayOfWeek day, LocalTime at) implements ScheduleTrigger {

		@Override
		public String toString() {
			return "weekly on " + day.name().toLowerCase(java.util.Locale.ROOT) + " at " + at;
		}

		public Weekly {
			requireWholeMinute(at);
		}

		@Override
		public Optional<LocalTime> timeOfDay() {
			return Optional.of(at);
		}

		@Override
		public String quartzCron() {
			String quartzDay = day.name().substring(0, 3);
			return "0 " + at.getMinute() + " " + at.getHour() + " ? * " + quartzDay;
		}

		@Override
		public String slot(LocalDateTime fireTime) {
			return String.format(Locale.ROOT, "%d-W%02d", fireTime.get(IsoFields.WEEK_BASED_YEAR),
					fireTime.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		}

	}

	/**
	 * Every month on a day (1 to 28, which every month has, or the last day) at a local
	 * time; the slot is the month (2026-11).
	 */
	record Monthly(DayOfMonth day, LocalTime at) implements ScheduleTrigger {

		@Override
		public String toString() {
			return "monthly on day " + day + " at " + at;
		}

		public Monthly {
			requireWholeMinute(at);
		}

		@Override
		public Optional<LocalTime> timeOfDay() {
			return Optional.of(at);
		}

		@Override
		public String quartzCron() {
			return "0 " + at.getMinute() + " " + at.getHour() + " " + day.quartzField() + " * ?";
		}

		@Override
		public String slot(LocalDateTime fireTime) {
			return String.format(Locale.ROOT, "%04d-%02d", fireTime.getYear(), fireTime.getMonthValue());
		}

	}

	/**
	 * A Quartz cron expression, for anything the other kinds cannot say. It may fire at
	 * most once a minute (its seconds field is one number), because its slot is the
	 * minute (2026-11-23T10:15).
	 */
	record Cron(String expression) implements ScheduleTrigger {

		@Override
		public String toString() {
			return "cron " + expression;
		}

		public Cron {
			try {
				CronExpression.validateExpression(expression);
			}
			catch (ParseException ex) {
				throw new IllegalArgumentException("cron '" + expression + "' is not a Quartz cron expression: "
						+ ex.getMessage() + " (fields: second minute hour day-of-month month day-of-week [year])");
			}
			String seconds = expression.trim().split("\\s+")[0];
			if (!seconds.matches("[0-5]?[0-9]")) {
				throw new IllegalArgumentException("cron '" + expression
						+ "' must fire at most once a minute: its seconds field must be one number, such as 0");
			}
		}

		@Override
		public String quartzCron() {
			return expression;
		}

		@Override
		public String slot(LocalDateTime fireTime) {
			return MINUTE.format(fireTime);
		}

	}

	/** A day of the month a monthly trigger fires on: 1 to 28, or the last day. */
	record DayOfMonth(int value) {

		public static final DayOfMonth LAST = new DayOfMonth(0);

		public DayOfMonth {
			if (value < 0 || value > 28) {
				throw new IllegalArgumentException(
						"day " + value + " must be 1 to 28 or last (29 to 31 do not exist in every month)");
			}
		}

		public boolean isLast() {
			return value == 0;
		}

		String quartzField() {
			return isLast() ? "L" : Integer.toString(value);
		}

		@Override
		public String toString() {
			return isLast() ? "last" : Integer.toString(value);
		}

	}

	private static void requireWholeMinute(LocalTime at) {
		if (at.getSecond() != 0 || at.getNano() != 0) {
			throw new IllegalArgumentException("time " + at + " must be a whole minute (HH:mm)");
		}
	}

}
