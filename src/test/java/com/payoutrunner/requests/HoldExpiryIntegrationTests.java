package com.payoutrunner.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * Holds past their lifetime (30 days): a payout not yet with a bank is cancelled and its
 * money is available again; a sent payout keeps reserving; an unexpired hold is left
 * alone; a second sweep changes nothing. The sweep looks at every hold in the database,
 * so each test asserts on its own payouts only.
 */
class HoldExpiryIntegrationTests extends ScheduledRunsIntegrationTest {

	static final Duration LIFETIME = Duration.ofDays(30);

	@Autowired
	ApiPayouts payouts;

	@Autowired
	HoldExpiry expiry;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	ApiPayouts.Entity entity;

	@BeforeEach
	void fundAnEntityAndStopTheClock() {
		clock.stop();
		entity = payouts.fundedEntity("h", "5000.00");
	}

	@Test
	void anExpiredHoldCancelsItsPendingPayoutAndGivesTheMoneyBackOnce() throws Exception {
		long expiring = create("1000.00");
		clock.advance(Duration.ofDays(20));
		long young = create("1000.00");
		clock.advance(LIFETIME.minusDays(20));
		assertThat(available()).as("a hold reserves past its expiry time until the sweep ends it").isEqualTo(300_000);

		var swept = expiry.sweep();

		assertThat(swept.cancelled()).contains(expiring).doesNotContain(young);
		assertThat(row(expiring)).containsExactly("cancelled", "hold expired", "expired");
		assertThat(row(young)).containsExactly("pending", null, "active");
		assertThat(available()).isEqualTo(400_000);
		assertThat(events("hold", holdId(expiring))).containsExactly("hold_placed:financial:api:test",
				"hold_expired:financial:system");
		assertThat(events("payout", expiring)).containsExactly("payout_created:financial:api:test",
				"hold_expired:financial:system");

		var again = expiry.sweep();

		assertThat(again.cancelled()).doesNotContain(expiring, young);
		assertThat(again.holdOnly()).doesNotContain(expiring, young);
		assertThat(row(expiring)).containsExactly("cancelled", "hold expired", "expired");
		assertThat(events("hold", holdId(expiring))).hasSize(2);
		assertThat(events("payout", expiring)).hasSize(2);
		assertThat(available()).isEqualTo(400_000);

		runSchedule();

		assertThat(row(young).get(0)).as("the run did pay").isEqualTo("sent");
		assertThat(row(expiring).get(0)).isEqualTo("cancelled");
		assertThat(jdbc.sql("SELECT count(*) FROM payout_batch_lines WHERE payout_id = :id")
			.param("id", expiring)
			.query(Long.class)
			.single()).as("never put in a batch").isZero();
	}

	@Test
	void aSentPayoutKeepsItsHoldPastExpiry() throws Exception {
		long sent = create("1000.00");
		runSchedule();
		assertThat(row(sent).get(0)).isEqualTo("sent");
		clock.advance(LIFETIME.plusDays(1));

		var swept = expiry.sweep();

		assertThat(swept.cancelled()).doesNotContain(sent);
		assertThat(swept.holdOnly()).doesNotContain(sent);
		assertThat(row(sent)).containsExactly("sent", null, "active");
		var balance = ledger.balance(entity.id(), "EUR");
		assertThat(balance.reservedMinor()).isEqualTo(100_000);
		assertThat(balance.availableMinor()).isEqualTo(400_000);
	}

	@Test
	void queuedFailedAndDeadLetteredPayoutsAreCancelledTheQueuedLineWithdrawn() {
		long queued = create("1000.00");
		long failed = create("1000.00");
		long deadLettered = create("1000.00");
		long line = queueLine(queued);
		move(failed, "queued", "sending", "failed");
		move(deadLettered, "queued", "sending", "dead_letter");
		clock.advance(LIFETIME);

		var swept = expiry.sweep();

		assertThat(swept.cancelled()).contains(queued, failed, deadLettered);
		for (long id : List.of(queued, failed, deadLettered)) {
			assertThat(row(id)).as("payout %d", id).containsExactly("cancelled", "hold expired", "expired");
		}
		assertThat(jdbc.sql("SELECT status || ': ' || failure_reason FROM payout_batch_lines WHERE id = :id")
			.param("id", line)
			.query(String.class)
			.single()).isEqualTo("failed: hold expired before it was sent");
		assertThat(available()).isEqualTo(500_000);
	}

	@Test
	void theHoldOfAPayoutThatWillNeverBePaidExpiresAlone() {
		long returned = create("1000.00");
		move(returned, "queued", "sending");
		jdbc.sql("UPDATE payouts SET status = 'sent', payment_order_id = 'po-test' WHERE id = :id")
			.param("id", returned)
			.update();
		move(returned, "returned");
		clock.advance(LIFETIME);

		var swept = expiry.sweep();

		assertThat(swept.holdOnly()).contains(returned);
		assertThat(row(returned)).containsExactly("returned", null, "expired");
		assertThat(events("payout", returned)).containsExactly("payout_created:financial:api:test");
		assertThat(available()).isEqualTo(500_000);
	}

	private long create(String amount) {
		return payouts.create(entity.payout().amount(amount));
	}

	private void runSchedule() throws Exception {
		payouts.runSlot(entity.module(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
	}

	private long available() {
		return ledger.balance(entity.id(), "EUR").availableMinor();
	}

	/** Payout status, last error, hold status. */
	private List<String> row(long payoutId) {
		return jdbc.sql("""
				SELECT p.status, p.last_error, h.status FROM payouts p JOIN holds h ON h.payout_id = p.id
				WHERE p.id = :id""")
			.param("id", payoutId)
			.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	private long holdId(long payoutId) {
		return jdbc.sql("SELECT id FROM holds WHERE payout_id = :id").param("id", payoutId).query(Long.class).single();
	}

	/** action:category:actor, oldest first. */
	private List<String> events(String type, long id) {
		return jdbc.sql("""
				SELECT action || ':' || category || ':' || actor FROM audit_events
				WHERE entity_type = :type AND entity_id = :id ORDER BY id""")
			.param("type", type)
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	/** Through the allowed transitions, as runs would move it. */
	private void move(long payoutId, String... statuses) {
		for (String status : statuses) {
			jdbc.sql("UPDATE payouts SET status = :status WHERE id = :id")
				.param("status", status)
				.param("id", payoutId)
				.update();
		}
	}

	/** A line waiting in a batch not yet sent, as a run's first step leaves it. */
	private long queueLine(long payoutId) {
		long batch = jdbc.sql("""
				INSERT INTO payout_batches (run_id, job_execution_id, rail, currency, connector, reference)
				VALUES (0, 0, 'SEPA', 'EUR', 'sandbox', 'B-holds-' || :id) RETURNING id""")
			.param("id", payoutId)
			.query(Long.class)
			.single();
		long line = jdbc.sql("""
				INSERT INTO payout_batch_lines (batch_id, payout_id, run_id, job_execution_id, amount_minor, currency,
				    fee_minor, net_minor, fee_rule, rail, rail_rule, rail_currency, fx_rate, fx_quote_date,
				    rail_amount_minor)
				VALUES (:batch, :id, 0, 0, 100000, 'EUR', 300, 99700, 'test', 'SEPA', 'test', 'EUR', 1, current_date,
				    99700)
				RETURNING id""").param("batch", batch).param("id", payoutId).query(Long.class).single();
		move(payoutId, "queued");
		return line;
	}

}
