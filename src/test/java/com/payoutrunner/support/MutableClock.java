package com.payoutrunner.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in every test context: it runs with the system clock until a
 * test {@link #stop() stops} it, and a test moves it forward by hand, so that waiting for
 * a retry or an expiry takes no time. It never goes back: a context is shared by many
 * test classes, and what one test left behind (a window of failed logins, a hold) must
 * not come back to life for the next. After each test it runs again from where it stood.
 */
public class MutableClock extends Clock implements RestoredAfterEachTest {

	private final Clock system = Clock.systemUTC();

	/** How far ahead of the system clock this one is while it runs. */
	private Duration ahead = Duration.ZERO;

	/** Where it stands while stopped; null while it runs. */
	private Instant stoppedAt;

	/** Stands still from now on, until moved by {@link #advance} or given back. */
	public synchronized void stop() {
		stoppedAt = instant();
	}

	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("the test clock never goes back: " + duration);
		}
		if (stoppedAt != null) {
			stoppedAt = stoppedAt.plus(duration);
		}
		else {
			ahead = ahead.plus(duration);
		}
	}

	/**
	 * In microseconds, as PostgreSQL keeps times: a time read back from the database is
	 * then the very instant this clock gave (a stopped clock's "now" is not before a
	 * retry due now).
	 */
	@Override
	public synchronized Instant instant() {
		return stoppedAt != null ? stoppedAt : system.instant().plus(ahead).truncatedTo(ChronoUnit.MICROS);
	}

	/** Runs again from where it stood. */
	@Override
	public synchronized void restore() {
		if (stoppedAt != null) {
			ahead = Duration.between(system.instant(), stoppedAt);
			stoppedAt = null;
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
