package com.payoutrunner.batching;

import static com.payoutrunner.support.ApiPayoutRequest.anApiPayout;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.Money;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.MutableClockConfiguration;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * An API payout with a {@code scheduled_run} time waits for the first slot launched at or
 * after that time, even on its own day; one without is paid by the next slot.
 */
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.SCHEDULES_DATABASE_URL,
		"payout.reports-dir=target/test-reports-schedules" })
@Import(MutableClockConfiguration.class)
class ScheduledRunDueTimeIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	PayoutCreation creation;

	@Autowired
	Ledger ledger;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aPayoutScheduledLaterInTheDayWaitsForASlotAtOrAfterItsTime() throws Exception {
		UUID entity = UUID.randomUUID();
		String module = "d" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		ledger.credit(entity, Money.parse("5000.00", java.util.Currency.getInstance("EUR")));
		Instant inTwoHours = clock.instant().plus(Duration.ofHours(2));
		long later = anApiPayout(entity, module).scheduledRun(inTwoHours).createWith(creation, json);
		long now = anApiPayout(entity, module).createWith(creation, json);

		runSlot(module);

		assertThat(status(now)).isEqualTo("sent");
		assertThat(status(later)).as("not due yet").isEqualTo("pending");
		assertThat(jdbc.sql("SELECT count(*) FROM skip_records WHERE payout_id = :id")
			.param("id", later)
			.query(Long.class)
			.single()).as("not read, so not reported as skipped by every slot").isZero();

		clock.advance(Duration.ofHours(2));
		runSlot(module);

		assertThat(status(later)).isEqualTo("sent");
	}

	private void runSlot(String module) throws Exception {
		var run = runs.runSlot(new ScheduledRun("due-" + module, "s" + System.nanoTime(), List.of(), List.of(),
				List.of(module), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
		assertThat(run.execution().getStatus().name()).isEqualTo("COMPLETED");
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", id).query(String.class).single();
	}

}
