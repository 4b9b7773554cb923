package com.payoutrunner.console;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A point in time as a page shows it: {@code iso} for {@code <time datetime>} (machines,
 * screen readers), {@code text} for people, in UTC unless it belongs to a time zone (a
 * schedule's fire in Europe/Brussels reads as Brussels time).
 */
public record Moment(String iso, String text) {

	private static final DateTimeFormatter UTC_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

	private static final DateTimeFormatter ZONED_TEXT = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z");

	static Moment of(Instant instant) {
		return instant == null ? null
				: new Moment(instant.toString(), UTC_TEXT.format(instant.atOffset(ZoneOffset.UTC)));
	}

	static Moment of(OffsetDateTime time) {
		return time == null ? null : of(time.toInstant());
	}

	/** An ISO 8601 date-time with offset, as the services give them in their views. */
	static Moment parse(String isoOffsetDateTime) {
		return isoOffsetDateTime == null ? null : of(OffsetDateTime.parse(isoOffsetDateTime));
	}

	/** In its own zone, as a schedule's fire times are thought of. */
	static Moment of(ZonedDateTime time) {
		return new Moment(time.toOffsetDateTime().toString(), ZONED_TEXT.format(time));
	}

}
