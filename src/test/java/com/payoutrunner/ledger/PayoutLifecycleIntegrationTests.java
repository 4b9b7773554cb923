package com.payoutrunner.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.api.PayoutCreation;
import com.payoutrunner.payout.api.PayoutViews;
import com.payoutrunner.reconciliation.StatementReconciler;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The whole life of an API payout: created with a hold on its entity's balance, paid by
 * the schedule that picks up its module, settled by the bank statement, which debits the
 * balance and releases the hold.
 */
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.SCHEDULES_DATABASE_URL,
		"payout.reports-dir=target/test-reports-schedules" })
class PayoutLifecycleIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	PayoutCreation creation;

	@Autowired
	Ledger ledger;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	StatementReconciler reconciler;

	@Autowired
	PayoutViews views;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aPayoutIsHeldPaidBySchedulesAndSettledByTheStatement() throws Exception {
		UUID entity = UUID.randomUUID();
		String module = "m" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		ledger.credit(entity, Money.parse("5000.00", java.util.Currency.getInstance("EUR")));
		var created = creation.create(UUID.randomUUID().toString(), json.readTree("""
				{"origin_module": "%s", "origin_entity_id": "%s", "currency": "EUR", "amount": "1000.00",
				 "beneficiary": {"account_name": "Ana Souza", "iban": "PT50000201231234567890154", "country": "PT"}}"""
			.formatted(module, entity)), "api:test");
		assertThat(ledger.balance(entity, "EUR").availableMinor()).isEqualTo(400_000);

		var run = runs.runSlot(new ScheduledRun("lifecycle-" + module, "2026-11-23", List.of(), List.of(),
				List.of(module), LocalDate.of(2026, 11, 23)));

		assertThat(run.execution().getStatus().name()).isEqualTo("COMPLETED");
		var payout = views.payout(created.payoutId()).orElseThrow();
		assertThat(payout.get("status")).isEqualTo("sent");
		long railAmount = jdbc
			.sql("SELECT rail_amount_minor FROM payout_batch_lines WHERE payout_id = :id" + " AND status = 'accepted'")
			.param("id", created.payoutId())
			.query(Long.class)
			.single();
		Path statement = dir.resolve("statement.csv");
		Files.writeString(statement,
				"""
						booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,payment_order_id,return_reason
						2026-11-24,%s,EUR,debit,booked,BNK-1,%s,,
						"""
					.formatted(Money.ofMinor(railAmount, "EUR").toDecimal().toPlainString(),
							payout.get("reference_code")));

		var result = reconciler.reconcile(statement, 3);

		assertThat(result.settled()).isEqualTo(1);
		var settled = views.payout(created.payoutId()).orElseThrow();
		assertThat(settled.get("status")).isEqualTo("settled");
		assertThat(((java.util.Map<?, ?>) settled.get("hold")).get("status")).isEqualTo("released");
		var balance = ledger.balance(entity, "EUR");
		assertThat(balance.balanceMinor()).as("5000 less the gross 1000").isEqualTo(400_000);
		assertThat(balance.reservedMinor()).isZero();
		assertThat(jdbc.sql("""
				SELECT action FROM audit_events WHERE entity_type = 'hold'
				  AND entity_id = (SELECT id::text FROM holds WHERE payout_id = :id) ORDER BY id""")
			.param("id", created.payoutId())
			.query(String.class)
			.list()).containsExactly("hold_placed", "hold_released");
	}

}
