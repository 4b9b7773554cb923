package com.payoutrunner.ledger;

import static com.payoutrunner.support.ApiPayoutRequest.anApiPayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.requests.PayoutCancellation;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * A payout the bank refuses for good (dead-letter queue) gives its hold back at once, as
 * no payment exists; an operator's retry reserves the money again, and is refused while
 * the entity no longer has it.
 */
@TestPropertySource(properties = { "spring.datasource.url=" + PostgresIntegrationTest.SCHEDULES_DATABASE_URL,
		"payout.reports-dir=target/test-reports-schedules",
		"payout.sandbox-bank.faults.rejected-accounts=" + DeadLetterHoldIntegrationTests.REFUSED_IBAN,
		"payout.sandbox-bank.faults.unknown-accounts=" + DeadLetterHoldIntegrationTests.UNKNOWN_ACCOUNT })
class DeadLetterHoldIntegrationTests extends PostgresIntegrationTest {

	static final String REFUSED_IBAN = "DE97370400448796100031";

	static final String UNKNOWN_ACCOUNT = "ea_not_held_here";

	@Autowired
	PayoutCreation creation;

	@Autowired
	PayoutCancellation cancellation;

	@Autowired
	DeadLetterQueue deadLetters;

	@Autowired
	Ledger ledger;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedPayoutGivesItsHoldBackAndARetryReservesItAgainWhileTheMoneyIsThere() throws Exception {
		UUID entity = UUID.randomUUID();
		String module = "q" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		ledger.credit(entity, Money.parse("500.00", java.util.Currency.getInstance("EUR")));
		long refused = anApiPayout(entity, module).amount("400.00").to(REFUSED_IBAN, "DE").createWith(creation, json);
		assertThat(available(entity)).isEqualTo(10_000);

		var run = runs.runSlot(new ScheduledRun("dlq-" + module, "s1", List.of(), List.of(), List.of(module),
				LocalDate.of(2026, 11, 23)));

		assertThat(run.execution().getStatus().name()).isEqualTo("COMPLETED");
		assertThat(row(refused)).containsExactly("dead_letter", "cancelled");
		assertThat(available(entity)).as("no payment exists: the money is free").isEqualTo(50_000);

		long other = anApiPayout(entity, module + "x").amount("300.00").createWith(creation, json);
		assertThatThrownBy(() -> deadLetters.retry(refused, "ops")).isInstanceOf(InsufficientFundsException.class);
		assertThat(row(refused)).as("still in the queue, nothing reserved").containsExactly("dead_letter", "cancelled");

		cancellation.cancel(other, "api:test", "make room");
		deadLetters.retry(refused, "ops");

		assertThat(row(refused)).containsExactly("pending", "active");
		assertThat(available(entity)).isEqualTo(10_000);
		assertThat(jdbc.sql("""
				SELECT action FROM audit_events WHERE entity_type = 'hold'
				  AND entity_id = (SELECT id::text FROM holds WHERE payout_id = :id) ORDER BY id""")
			.param("id", refused)
			.query(String.class)
			.list()).containsExactly("hold_placed", "hold_cancelled", "hold_reinstated");
	}

	@Test
	void aBeneficiaryKnownByItsExternalAccountIsPaidAndAnAccountTheBankDoesNotHoldIsDeadLettered() throws Exception {
		UUID entity = UUID.randomUUID();
		String module = "x" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		ledger.credit(entity, Money.parse("500.00", java.util.Currency.getInstance("EUR")));
		long known = anApiPayout(entity, module).amount("100.00")
			.toExternalAccount("ea_" + module, "FR")
			.createWith(creation, json);
		long unknown = anApiPayout(entity, module).amount("100.00")
			.toExternalAccount(UNKNOWN_ACCOUNT, "FR")
			.createWith(creation, json);

		runs.runSlot(new ScheduledRun("ext-" + module, "s1", List.of(), List.of(), List.of(module),
				LocalDate.of(2026, 11, 23)));

		assertThat(row(known)).containsExactly("sent", "active");
		assertThat(json.readTree(requestBody(known)).path("beneficiary").path("external_account_id").asString())
			.isEqualTo("ea_" + module);
		assertThat(row(unknown)).as("404 account_not_found is final").containsExactly("dead_letter", "cancelled");
		assertThat(jdbc.sql("SELECT last_error FROM payouts WHERE id = :id")
			.param("id", unknown)
			.query(String.class)
			.single()).isEqualTo("no external account " + UNKNOWN_ACCOUNT + " is held at this bank");
		assertThat(jdbc.sql("""
				SELECT s.reason_code FROM payment_submissions s JOIN payout_batch_lines l ON l.id = s.batch_line_id
				WHERE l.payout_id = :id""").param("id", unknown).query(String.class).single())
			.isEqualTo("account_not_found");
	}

	private String requestBody(long payoutId) {
		return jdbc.sql("""
				SELECT s.request_body FROM payment_submissions s JOIN payout_batch_lines l ON l.id = s.batch_line_id
				WHERE l.payout_id = :id""").param("id", payoutId).query(String.class).single();
	}

	private long available(UUID entity) {
		return ledger.balance(entity, "EUR").availableMinor();
	}

	/** Payout status, hold status. */
	private List<String> row(long payoutId) {
		return jdbc.sql("SELECT p.status, h.status FROM payouts p JOIN holds h ON h.payout_id = p.id WHERE p.id = :id")
			.param("id", payoutId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

}
