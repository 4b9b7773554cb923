package com.payoutrunner.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.payout.PayoutStatus;

/**
 * Payouts by status ({@code payouts{status=sent}}: created, sent, failed, ...) and the
 * dead-letter queue's depth, read from the database with one grouped count at most every
 * few seconds, however often the metrics are scraped.
 */
class PayoutMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration maxAge;

	private Map<PayoutStatus, Long> counts = new EnumMap<>(PayoutStatus.class);

	private Instant readAt = Instant.MIN;

	public PayoutMetrics(JdbcClient jdbc, Clock clock, Duration maxAge) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (PayoutStatus status : PayoutStatus.values()) {
			Gauge.builder("payouts", () -> count(status))
				.description("payouts by status")
				.tag("status", status.code())
				.register(registry);
		}
		Gauge.builder("payout.dead_letter.depth", () -> count(PayoutStatus.DEAD_LETTER))
			.description("payouts waiting in the dead-letter queue for an operator")
			.register(registry);
	}

	private synchronized long count(PayoutStatus status) {
		Instant now = clock.instant();
		if (readAt.plus(maxAge).isBefore(now)) {
			Map<PayoutStatus, Long> fresh = new EnumMap<>(PayoutStatus.class);
			jdbc.sql("SELECT status, count(*) FROM payouts GROUP BY status").query(rs -> {
				fresh.put(PayoutStatus.fromCode(rs.getString(1)), rs.getLong(2));
			});
			counts = fresh;
			readAt = now;
		}
		return counts.getOrDefault(status, 0L);
	}

}
