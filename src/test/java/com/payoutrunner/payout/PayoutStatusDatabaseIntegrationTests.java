package com.payoutrunner.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestEvents;

class PayoutStatusDatabaseIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutRepository payouts;

	@Autowired
	PayoutStatusWrites statuses;

	@Test
	void theDatabaseAllowsExactlyTheTransitionsTheCodeDeclares() {
		Set<String> inDatabase = new HashSet<>(
				jdbc.sql("SELECT from_status || '->' || to_status FROM payout_status_transitions")
					.query(String.class)
					.list());
		Set<String> inCode = new HashSet<>();
		for (PayoutStatus from : PayoutStatus.values()) {
			from.allowedNext().forEach(to -> inCode.add(from.code() + "->" + to.code()));
		}

		assertThat(inDatabase).isEqualTo(inCode);
	}

	@Test
	void theDatabaseRejectsADisallowedTransition() {
		long id = insertPayout();

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE payouts SET status = 'sent', payment_order_id = 'po_x' WHERE id = :id")
					.param("id", id)
					.update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("status transition pending -> sent is not allowed");
	}

	@Test
	void anAllowedTransitionGoesThrough() {
		long id = insertPayout();

		statuses.move(java.util.List.of(id), java.util.List.of(PayoutStatus.PENDING), PayoutStatus.QUEUED);

		assertThat(jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", id).query(String.class).single())
			.isEqualTo("queued");
	}

	@Test
	void oneInvestorAppearsOnceInAnEvent() {
		String event = TestEvents.unique("UQ");
		payouts.ensureEvent(event);
		insertPayout(event, "I-1");

		assertThatThrownBy(() -> insertPayout(event, "I-1")).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("uq_payouts_event_investor");
	}

	private long insertPayout() {
		String event = TestEvents.unique("ST");
		payouts.ensureEvent(event);
		return insertPayout(event, "I-1");
	}

	private long insertPayout(String event, String investor) {
		return jdbc.sql("""
				INSERT INTO payouts (liquidation_event_id, investor_id, investor_name, currency, amount_minor)
				VALUES (:event, :investor, 'Test', 'USD', 100) RETURNING id""")
			.param("event", event)
			.param("investor", investor)
			.query(Long.class)
			.single();
	}

}
