package com.payoutrunner.ledger;

import static com.payoutrunner.support.ApiPayoutRequest.anApiPayout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.requests.PayoutCancellation;
import com.payoutrunner.support.ApiPayoutRequest;
import com.payoutrunner.support.ApiPayouts;
import com.payoutrunner.support.SandboxBankAccounts;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * A payout the bank refuses for good (dead-letter queue) gives its hold back at once, as
 * no payment exists; an operator's retry reserves the money again, and is refused while
 * the entity no longer has it.
 */
class DeadLetterHoldIntegrationTests extends ScheduledRunsIntegrationTest {

	@Autowired
	ApiPayouts payouts;

	@Autowired
	PayoutCancellation cancellation;

	@Autowired
	DeadLetterQueue deadLetters;

	@Autowired
	Ledger ledger;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRefusedPayoutGivesItsHoldBackAndARetryReservesItAgainWhileTheMoneyIsThere() throws Exception {
		ApiPayouts.Entity entity = payouts.fundedEntity("q", "500.00");
		long refused = payouts.create(entity.payout().amount("400.00").to(SandboxBankAccounts.REFUSED_IBAN, "DE"));
		assertThat(available(entity)).isEqualTo(10_000);

		var run = payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));

		assertThat(run.execution().getStatus().name()).isEqualTo("COMPLETED");
		assertThat(row(refused)).containsExactly("dead_letter", "cancelled");
		assertThat(available(entity)).as("no payment exists: the money is free").isEqualTo(50_000);

		long other = payouts.create(ApiPayoutRequest.anApiPayout(entity.id(), entity.module() + "x").amount("300.00"));
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
		ApiPayouts.Entity entity = payouts.fundedEntity("x", "500.00");
		long known = payouts.create(entity.payout().amount("100.00").toExternalAccount("ea_" + entity.module(), "FR"));
		long unknown = payouts
			.create(entity.payout().amount("100.00").toExternalAccount(SandboxBankAccounts.NOT_HELD, "FR"));

		payouts.runSlot(entity.module(), LocalDate.of(2026, 11, 23));

		assertThat(row(known)).containsExactly("sent", "active");
		assertThat(json.readTree(requestBody(known)).path("beneficiary").path("external_account_id").asString())
			.isEqualTo("ea_" + entity.module());
		assertThat(row(unknown)).as("404 account_not_found is final").containsExactly("dead_letter", "cancelled");
		assertThat(jdbc.sql("SELECT last_error FROM payouts WHERE id = :id")
			.param("id", unknown)
			.query(String.class)
			.single()).isEqualTo("no external account " + SandboxBankAccounts.NOT_HELD + " is held at this bank");
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

	private long available(ApiPayouts.Entity entity) {
		return ledger.balance(entity.id(), "EUR").availableMinor();
	}

	/** Payout status, hold status. */
	private List<String> row(long payoutId) {
		return jdbc.sql("SELECT p.status, h.status FROM payouts p JOIN holds h ON h.payout_id = p.id WHERE p.id = :id")
			.param("id", payoutId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.single();
	}

}
