package com.payoutrunner.console;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Elapsed times as an operator reads them: {@code 2h 05m}, {@code 3m 07s}, {@code 12s}.
 */
final class Durations {

	private Durations() {
	}

	/** From start to end, or to now while it runs; empty before it starts. */
	static String between(LocalDateTime start, LocalDateTime end, LocalDateTime now) {
		if (start == null) {
			return "";
		}
		Duration elapsed = Duration.between(start, end != null ? end : now);
		long seconds = Math.max(0, elapsed.toSeconds());
		if (seconds >= 3600) {
			return "%dh %02dm".formatted(seconds / 3600, seconds % 3600 / 60);
		}
		if (seconds >= 60) {
			return "%dm %02ds".formatted(seconds / 60, seconds % 60);
		}
		return seconds + "s";
	}

	/** Items per second over the elapsed time, one decimal; empty when not measurable. */
	static String rate(long items, LocalDateTime start, LocalDateTime end, LocalDateTime now) {
		if (start == null) {
			return "";
		}
		long millis = Duration.between(start, end != null ? end : now).toMillis();
		return millis <= 0 ? "" : "%.1f/s".formatted(items * 1000.0 / millis);
	}

}
