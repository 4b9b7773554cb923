package com.payoutrunner.payout;

import static com.payoutrunner.support.ApiPayoutRequest.anApiPayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.Money;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.payout.PayoutLifecycle.Failure;
import com.payoutrunner.payout.PayoutLifecycle.Return;
import com.payoutrunner.payout.PayoutLifecycle.ReturnNotice;
import com.payoutrunner.payout.PayoutLifecycle.Sent;
import com.payoutrunner.payout.PayoutLifecycle.Settlement;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * Each transition with its consequences, on API payouts (EUR, a hold on a funded entity):
 * the status, the hold, the balance and the audit events, as one transaction leaves them.
 */
class PayoutLifecycleTransitionsIntegrationTests extends PostgresIntegrationTest {

	/** A run id no job instance has, so that no run's audit trail meets these events. */
	static final long RUN = -1;

	@Autowired
	PayoutLifecycle lifecycle;

	@Autowired
	PayoutCreation creation;

	@Autowired
	Ledger ledger;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	UUID entity;

	String module;

	@BeforeEach
	void fundAnEntity() {
		entity = UUID.randomUUID();
		module = "lc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		ledger.credit(entity, Money.parse("50000.00", Currency.getInstance("EUR")));
	}

	@Test
	void aRunQueuesSendsAndRecordsTheOrderWhileTheHoldKeepsReserving() {
		long id = create("100.00");

		inTransaction(() -> lifecycle.queue(List.of(id), List.of("{\"rail\": \"SEPA\"}"), RUN));
		assertThat(row(id)).containsExactly("queued", "active");
		inTransaction(() -> lifecycle.startSending(List.of(id)));
		assertThat(row(id)).containsExactly("sending", "active");
		inTransaction(() -> lifecycle.markSent(List.of(new Sent(id, "file-1.xml", "E2E-1")), RUN));

		assertThat(row(id)).containsExactly("sent", "active");
		assertThat(column(id, "payment_order_id")).isEqualTo("file-1.xml");
		assertThat(actions(id)).containsExactly("payout_created", "line_created", "payment_order_created");
		assertThat(details(id, "payment_order_created"))
			.isEqualTo("{\"end_to_end_id\": \"E2E-1\", \"payment_order_id\": \"file-1.xml\"}");
		assertThat(available()).isEqualTo(5_000_000 - 10_000);
	}

	@Test
	void aRejectedRunGivesItsQueuedPayoutsBackToPending() {
		long id = create("100.00");
		inTransaction(() -> lifecycle.queue(List.of(id), List.of("{}"), RUN));

		inTransaction(() -> lifecycle.runRejected(List.of(id), "bob", RUN, "{\"comment\": \"too much\"}"));

		assertThat(row(id)).containsExactly("pending", "active");
		assertThat(actions(id)).endsWith("run_rejected");
	}

	@Test
	void aSettlementPaidLessDebitsWhatTheBankPaidAndReleasesTheRest() {
		long id = sent(create("100.00"));

		int settled = inTransaction(
				() -> lifecycle.settle(List.of(new Settlement(id, 250, true, "{}")), "statement:s1"));

		assertThat(settled).isEqualTo(1);
		assertThat(row(id)).containsExactly("settled", "released");
		assertThat(ledger.balance(entity, "EUR").balanceMinor()).isEqualTo(5_000_000 - 9_750);
		assertThat(available()).as("the unpaid 2.50 is free again").isEqualTo(5_000_000 - 9_750);
		assertThat(actions(id)).endsWith("settled_for_less");
	}

	@Test
	void aReturnGivesTheHoldBackBeforeSettlementAndCreditsTheDebitBackAfterIt() {
		long notSettled = sent(create("100.00"));
		long settled = sent(create("200.00"));
		inTransaction(() -> lifecycle.settle(List.of(new Settlement(settled, 0, false, "{}")), "statement:s1"));
		assertThat(ledger.balance(entity, "EUR").balanceMinor()).isEqualTo(5_000_000 - 20_000);

		int returned = inTransaction(() -> lifecycle.markReturned(
				List.of(new Return(notSettled, "returned (R03): no account", "{}"),
						new Return(settled, "returned (R02): account closed", "{}")),
				ReturnNotice.BANK_VERDICT, "bank-file:returns.txt"));

		assertThat(returned).isEqualTo(2);
		assertThat(row(notSettled)).containsExactly("returned", "cancelled");
		assertThat(row(settled)).containsExactly("returned", "returned");
		assertThat(column(settled, "last_error")).isEqualTo("returned (R02): account closed");
		assertThat(ledger.balance(entity, "EUR").balanceMinor()).isEqualTo(5_000_000);
		assertThat(available()).isEqualTo(5_000_000);
		assertThat(actions(notSettled)).endsWith("bank_returned");
		assertThat(actions(settled)).endsWith("settled", "bank_returned");
	}

	@Test
	void aStatementsReturnIsTheSameReturnUnderItsOwnEventName() {
		long id = sent(create("100.00"));

		inTransaction(() -> lifecycle.markReturned(List.of(new Return(id, "AC04", "{}")), ReturnNotice.STATEMENT,
				"statement:s2"));

		assertThat(row(id)).containsExactly("returned", "cancelled");
		assertThat(actions(id)).endsWith("returned");
	}

	@Test
	void aReturnLeavesAPayoutThatIsNotWithTheBankAlone() {
		long id = create("100.00");

		int returned = inTransaction(
				() -> lifecycle.markReturned(List.of(new Return(id, "AC04", "{}")), ReturnNotice.STATEMENT, "x"));

		assertThat(returned).isZero();
		assertThat(row(id)).containsExactly("pending", "active");
		assertThat(actions(id)).containsExactly("payout_created");
	}

	@Test
	void aTransientFailureWaitsWithItsHoldAndAPermanentOneIsDeadLetteredWithoutIt() {
		long waiting = sending(create("100.00"));
		long refused = sending(create("100.00"));
		Instant now = Instant.parse("2026-11-23T10:00:00Z");

		var recorded = inTransaction(() -> lifecycle.recordFailures(
				List.of(new Failure(waiting, "503 from the bank", false), new Failure(refused, "account closed", true)),
				now, List.of(Duration.ofMinutes(1)), RUN));

		assertThat(recorded).extracting(PayoutLifecycle.FailureRecorded::deadLettered)
			.containsExactlyInAnyOrder(false, true);
		assertThat(row(waiting)).containsExactly("failed", "active");
		assertThat(jdbc.sql("SELECT next_attempt_at FROM payouts WHERE id = :id")
			.param("id", waiting)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant()).isEqualTo(now.plus(Duration.ofMinutes(1)));
		assertThat(actions(waiting)).endsWith("submission_failed");
		assertThat(row(refused)).containsExactly("dead_letter", "cancelled");
		assertThat(actions(refused)).endsWith("dead_lettered");
	}

	@Test
	void anOperatorRetriesADeadLetteredPayoutWithItsHoldReservedAgainOrGivesUpOnIt() {
		long id = deadLettered(create("100.00"));
		Instant until = Instant.now().plus(Duration.ofDays(30));

		assertThat(inTransaction(() -> lifecycle.retryFromDeadLetter(id, "ops", until))).isTrue();
		assertThat(row(id)).containsExactly("pending", "active");
		assertThat(inTransaction(() -> lifecycle.retryFromDeadLetter(id, "ops", until))).as("not dead-lettered")
			.isFalse();

		assertThat(inTransaction(() -> lifecycle.cancelFromDeadLetter(id, "ops"))).isTrue();
		assertThat(row(id)).containsExactly("cancelled", "cancelled");
		assertThat(actions(id)).endsWith("dead_lettered", "dlq_retry", "cancelled");
	}

	@Test
	void theBankRejectingAFiledPayoutDeadLettersItWithoutItsOrderAndGivesTheHoldBack() {
		long id = sent(create("100.00"));

		inTransaction(
				() -> lifecycle.bankRejected(id, "rejected by the bank (AC01): wrong IBAN", "bank-file:a.xml", "{}"));

		assertThat(row(id)).containsExactly("dead_letter", "cancelled");
		assertThat(column(id, "payment_order_id")).isNull();
		assertThat(actions(id)).endsWith("bank_rejected");
	}

	@Test
	void approvalsMoveAPayoutOnOnlyWithTheLastOneAndARejectionGivesTheHoldBack() {
		long approved = create("20000.00");
		long rejected = create("20000.00");
		assertThat(row(approved)).containsExactly("awaiting_approval", "active");

		inTransaction(() -> lifecycle.approve(approved, "alice", "ok", 1, false));
		assertThat(row(approved)).containsExactly("awaiting_approval", "active");
		inTransaction(() -> lifecycle.approve(approved, "bob", "ok", 2, true));
		inTransaction(() -> lifecycle.reject(rejected, "carol", "no"));

		assertThat(row(approved)).containsExactly("pending", "active");
		assertThat(actions(approved)).endsWith("approved", "approved");
		assertThat(row(rejected)).containsExactly("rejected", "cancelled");
		assertThat(available()).isEqualTo(5_000_000 - 2_000_000);
	}

	@Test
	void aCancellationGivesTheHoldBack() {
		long id = create("100.00");

		inTransaction(() -> lifecycle.cancel(id, "api:test", "not needed"));

		assertThat(row(id)).containsExactly("cancelled", "cancelled");
		assertThat(details(id, "cancelled")).isEqualTo("{\"comment\": \"not needed\", \"hold_cancelled\": true}");
		assertThat(available()).isEqualTo(5_000_000);
	}

	@Test
	void aHoldPastItsExpiryCancelsItsPayoutNotYetWithABankAndNeverBefore() {
		long id = create("100.00");

		assertThat(inTransaction(() -> lifecycle.expireHoldAndCancel(id, PayoutStatus.PENDING, Instant.now())))
			.isFalse();
		assertThat(row(id)).containsExactly("pending", "active");

		assertThat(inTransaction(
				() -> lifecycle.expireHoldAndCancel(id, PayoutStatus.PENDING, Instant.now().plus(Duration.ofDays(31)))))
			.isTrue();
		assertThat(row(id)).containsExactly("cancelled", "expired");
		assertThat(column(id, "last_error")).isEqualTo("hold expired");
		assertThat(details(id, "hold_expired")).isEqualTo("{\"from\": \"pending\"}");
	}

	@Test
	void aTransitionNeedsTheCallersTransaction() {
		long id = create("100.00");

		assertThatThrownBy(() -> lifecycle.cancel(id, "api:test", "outside"))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(row(id)).containsExactly("pending", "active");
	}

	private long create(String amount) {
		return anApiPayout(entity, module).amount(amount).createWith(creation, json);
	}

	private long sending(long id) {
		inTransaction(() -> {
			lifecycle.queue(List.of(id), List.of("{}"), RUN);
			lifecycle.startSending(List.of(id));
		});
		return id;
	}

	private long sent(long id) {
		sending(id);
		inTransaction(() -> lifecycle.markSent(List.of(new Sent(id, "po_" + id, null)), RUN));
		return id;
	}

	private long deadLettered(long id) {
		sending(id);
		inTransaction(() -> lifecycle.recordFailures(List.of(new Failure(id, "refused", true)), Instant.now(),
				List.of(Duration.ofMinutes(1)), RUN));
		return id;
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(transactionManager).executeWithoutResult(tx -> work.run());
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(transactionManager).execute(tx -> work.get());
	}

	/** The payout's status and its hold's. */
	private List<String> row(long id) {
		return jdbc.sql("SELECT p.status, h.status FROM payouts p JOIN holds h ON h.payout_id = p.id WHERE p.id = :id")
			.param("id", id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

	private String column(long id, String column) {
		// A list, not single(): the column may be null.
		return jdbc.sql("SELECT " + column + " FROM payouts WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1))
			.list()
			.get(0);
	}

	private List<String> actions(long id) {
		return jdbc.sql("SELECT action FROM audit_events WHERE entity_type = 'payout' AND entity_id = :id ORDER BY id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	private String details(long id, String action) {
		return jdbc.sql("""
				SELECT details::text FROM audit_events
				WHERE entity_type = 'payout' AND entity_id = :id AND action = :action ORDER BY id DESC LIMIT 1""")
			.param("id", Long.toString(id))
			.param("action", action)
			.query(String.class)
			.single();
	}

	private long available() {
		return ledger.balance(entity, "EUR").availableMinor();
	}

}
