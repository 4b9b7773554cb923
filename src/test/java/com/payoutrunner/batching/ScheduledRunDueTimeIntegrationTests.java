package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * An API payout with a {@code scheduled_run} time waits for the first slot launched at or
 * after that time, even on its own day; one without is paid by the next slot.
 */
class ScheduledRunDueTimeIntegrationTests extends ScheduledRunsIntegrationTest {

	@Autowired
	ApiPayouts payouts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aPayoutScheduledLaterInTheDayWaitsForASlotAtOrAfterItsTime() throws Exception {
		clock.stop();
		ApiPayouts.Entity entity = payouts.fundedEntity("d", "5000.00");
		Instant inTwoHours = clock.instant().plus(Duration.ofHours(2));
		long later = payouts.create(entity.payout().scheduledRun(inTwoHours));
		long now = payouts.create(entity.payout());

		runSlot(entity.module());

		assertThat(status(now)).isEqualTo("sent");
		assertThat(status(later)).as("not due yet").isEqualTo("pending");
		assertThat(jdbc.sql("SELECT count(*) FROM skip_records WHERE payout_id = :id")
			.param("id", later)
			.query(Long.class)
			.single()).as("not read, so not reported as skipped by every slot").isZero();

		clock.advance(Duration.ofHours(2));
		runSlot(entity.module());

		assertThat(status(later)).isEqualTo("sent");
	}

	private void runSlot(String module) throws Exception {
		payouts.runSlot(module, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", id).query(String.class).single();
	}

}
