package com.payoutrunner.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.core.Money;
import com.payoutrunner.reconciliation.Delivery;
import com.payoutrunner.reconciliation.StatementConfirmation;
import com.payoutrunner.reconciliation.StatementReconciler;
import com.payoutrunner.requests.PayoutViews;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * The whole life of an API payout: created with a hold on its entity's balance, paid by
 * the schedule that picks up its module, settled by the bank statement, which debits the
 * balance and releases the hold.
 */
class PayoutLifecycleIntegrationTests extends ScheduledRunsIntegrationTest {

	@Autowired
	ApiPayouts payouts;

	@Autowired
	Ledger ledger;

	@Autowired
	StatementReconciler reconciler;

	@Autowired
	StatementConfirmation confirmations;

	@Autowired
	PayoutViews views;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aPayoutIsHeldPaidBySchedulesAndSettledByTheStatement() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("m", "5000.00");
		var created = createEur1000(entity);
		assertThat(ledger.balance(entity.id(), "EUR").availableMinor()).isEqualTo(400_000);

		var run = payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));

		assertThat(run.execution().getStatus().name()).isEqualTo("COMPLETED");
		var payout = views.payout(created).orElseThrow();
		assertThat(payout.get("status")).isEqualTo("sent");
		long railAmount = jdbc
			.sql("SELECT rail_amount_minor FROM payout_batch_lines WHERE payout_id = :id" + " AND status = 'accepted'")
			.param("id", created)
			.query(Long.class)
			.single();
		Path statement = dir.resolve("statement.csv");
		Files.writeString(statement,
				"""
						booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,payment_order_id,return_reason,account
						2026-11-24,%s,EUR,debit,booked,BNK-1,%s,,,DE89370400440532013000
						"""
					.formatted(Money.ofMinor(railAmount, "EUR").toDecimal().toPlainString(),
							payout.get("reference_code")));

		var result = reconciler.reconcile(statement, 3, Delivery.inbox());

		assertThat(result.settled()).isEqualTo(1);
		var settled = views.payout(created).orElseThrow();
		assertThat(settled.get("status")).isEqualTo("settled");
		assertThat(((java.util.Map<?, ?>) settled.get("hold")).get("status")).isEqualTo("released");
		var balance = ledger.balance(entity.id(), "EUR");
		assertThat(balance.balanceMinor()).as("5000 less the gross 1000").isEqualTo(400_000);
		assertThat(balance.reservedMinor()).isZero();
		assertThat(jdbc.sql("""
				SELECT action FROM audit_events WHERE entity_type = 'hold'
				  AND entity_id = (SELECT id::text FROM holds WHERE payout_id = :id) ORDER BY id""")
			.param("id", created)
			.query(String.class)
			.list()).containsExactly("hold_placed", "hold_released");
	}

	@Test
	void aPayoutSettledForLessWithChargesFromTheInboxReleasesTheRestAndAnUploadedReturnWaitsForASecondPerson()
			throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("m", "5000.00");
		long created = sentEur1000(entity);
		var payout = views.payout(created).orElseThrow();
		assertThat(payout.get("net_amount")).as("sent for its net, in EUR").isEqualTo("997.00");
		Path booked = dir.resolve("booked-for-less.csv");
		Files.writeString(booked, STATEMENT_HEADER + "2026-11-24,990.00,EUR,debit,booked,BNK-1,%s,,,%s,7.00,%n"
			.formatted(payout.get("reference_code"), OUR_IBAN));

		var settled = reconciler.reconcile(booked, 3, Delivery.inbox());

		assertThat(settled.settled()).isEqualTo(1);
		assertThat(settled.settledForLess()).isEqualTo(1);
		assertThat(settled.pendingConfirmation()).as("the inbox is the bank's own channel").isZero();
		assertThat(settled.needsAttention()).as("a bank that paid less is looked at").isTrue();
		assertThat(views.payout(created).orElseThrow().get("status")).isEqualTo("settled");
		assertThat(holdState(created)).as("1000.00 held; the bank did not pay 7.00 of it")
			.isEqualTo("released 99300 700");
		var hold = (java.util.Map<?, ?>) views.payout(created).orElseThrow().get("hold");
		assertThat(hold.get("settled")).isEqualTo("993.00");
		assertThat(hold.get("released")).isEqualTo("7.00");
		var afterSettlement = ledger.balance(entity.id(), "EUR");
		assertThat(afterSettlement.balanceMinor()).isEqualTo(500_000 - 99_300);
		assertThat(afterSettlement.reservedMinor()).isZero();
		assertThat(Files.readString(settled.report())).contains("matched,2,settled_for_less,")
			.contains("paid 990.00 EUR of 997.00 EUR: short by 7.00 EUR, charges 7.00 EUR");

		String returned = STATEMENT_HEADER + "2026-11-28,990.00,EUR,credit,returned,BNK-2,%s,,AC04,%s,,%n"
			.formatted(payout.get("reference_code"), OUR_IBAN);

		var uploaded = reconciler.reconcile("returned.csv", returned.getBytes(StandardCharsets.UTF_8), 3,
				Delivery.api("operator"));

		assertThat(uploaded.deliveredBy()).isEqualTo("api:operator");
		assertThat(uploaded.returned()).isZero();
		assertThat(uploaded.pendingConfirmation()).isEqualTo(1);
		assertThat(views.payout(created).orElseThrow().get("status")).as("nothing returned yet").isEqualTo("settled");
		assertThat(ledger.balance(entity.id(), "EUR").balanceMinor()).as("nothing credited back yet")
			.isEqualTo(500_000 - 99_300);
		assertThatThrownBy(() -> confirmations.confirm(uploaded.statementId(), "operator", null))
			.isInstanceOf(StatementConfirmation.ConfirmationRefusedException.class);
		assertThat(ledger.balance(entity.id(), "EUR").balanceMinor()).isEqualTo(500_000 - 99_300);

		var confirmed = confirmations.confirm(uploaded.statementId(), "approver", "the bank confirms AC04");

		assertThat(confirmed.returned()).isEqualTo(1);
		var after = views.payout(created).orElseThrow();
		assertThat(after.get("status")).isEqualTo("returned");
		assertThat(((java.util.Map<?, ?>) after.get("hold")).get("status")).isEqualTo("returned");
		assertThat(ledger.balance(entity.id(), "EUR").balanceMinor()).as("what the settlement took is credited back")
			.isEqualTo(500_000);
		assertThat(jdbc.sql("""
				SELECT action || ' ' || actor FROM audit_events WHERE entity_type = 'hold' AND action <> 'hold_placed'
				  AND entity_id = (SELECT id::text FROM holds WHERE payout_id = :id) ORDER BY id""")
			.param("id", created)
			.query(String.class)
			.list()).containsExactly("hold_released statement:booked-for-less.csv", "hold_returned api:approver");
		assertThat(jdbc.sql("""
				SELECT outcome || ' ' || amount_minor || ' ' || paid_minor FROM reconciliation_matches
				WHERE payout_id = :id ORDER BY id""").param("id", created).query(String.class).list())
			.containsExactly("settled 99700 99000", "returned 99000 99000");
	}

	@Test
	void aPayoutBookedForLessWithoutAReasonNeedsReviewAndAnUploadWithChargesWaitsForConfirmation() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("m", "5000.00");
		long created = sentEur1000(entity);
		var payout = views.payout(created).orElseThrow();
		var held = ledger.balance(entity.id(), "EUR");
		assertThat(held.availableMinor()).isEqualTo(400_000);
		String line = "2026-11-24,0.01,EUR,debit,booked,BNK-1,%s,,,%s".formatted(payout.get("reference_code"),
				OUR_IBAN);
		Path silent = dir.resolve("for-a-cent.csv");
		Files.writeString(silent, STATEMENT_HEADER + line + ",,\n");

		var review = reconciler.reconcile(silent, 3, Delivery.inbox());

		assertThat(review.needsReview()).isEqualTo(1);
		assertThat(review.settled()).isZero();
		assertThat(review.needsAttention()).isTrue();
		assertThat(views.payout(created).orElseThrow().get("status")).isEqualTo("sent");
		assertThat(holdState(created)).isEqualTo("active 0 0");
		assertThat(ledger.balance(entity.id(), "EUR")).as("hold and available money unchanged").isEqualTo(held);
		assertThat(Files.readString(review.report())).contains("needs_review,2,,%d,0.01,EUR".formatted(created))
			.contains("without charges or a reason code saying why");

		var uploaded = reconciler.reconcile("for-less.csv",
				(STATEMENT_HEADER + line.replace("0.01", "990.00") + ",7.00,\n").getBytes(StandardCharsets.UTF_8), 3,
				Delivery.api("operator"));

		assertThat(uploaded.pendingConfirmation()).isEqualTo(1);
		assertThat(uploaded.settledForLess()).isZero();
		assertThat(views.payout(created).orElseThrow().get("status")).isEqualTo("sent");
		assertThat(holdState(created)).isEqualTo("active 0 0");
		assertThat(ledger.balance(entity.id(), "EUR")).isEqualTo(held);

		var confirmed = confirmations.confirm(uploaded.statementId(), "approver", null);

		assertThat(confirmed.settledForLess()).isEqualTo(1);
		assertThat(views.payout(created).orElseThrow().get("status")).isEqualTo("settled");
		assertThat(holdState(created)).isEqualTo("released 99300 700");
		assertThat(ledger.balance(entity.id(), "EUR").availableMinor()).as("the 7.00 the bank kept is available again")
			.isEqualTo(400_000 + 700);
	}

	private String holdState(long payoutId) {
		return jdbc.sql("SELECT status, settled_minor, released_minor FROM holds WHERE payout_id = :id")
			.param("id", payoutId)
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3))
			.single();
	}

	/** {@link #createEur1000}, sent by a scheduled run of its module. */
	private long sentEur1000(ApiPayouts.Entity entity) throws Exception {
		long created = createEur1000(entity);
		payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));
		return created;
	}

	/** EUR 1000.00 to a Portuguese IBAN. */
	private long createEur1000(ApiPayouts.Entity entity) {
		return payouts.create(entity.payout().amount("1000.00"));
	}

	private static final String OUR_IBAN = "DE89370400440532013000";

	private static final String STATEMENT_HEADER = "booking_date,amount,currency,direction,status,bank_reference,"
			+ "end_to_end_ids,payment_order_id,return_reason,account,charges,reason_code\n";

}
