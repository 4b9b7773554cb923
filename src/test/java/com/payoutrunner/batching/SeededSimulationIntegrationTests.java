package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.intake.SyntheticPayoutFile;
import com.payoutrunner.support.FaultySandboxBankIntegrationTest;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.MutableClock;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.SampleEvent;

/**
 * A seeded simulation: 2,000 payouts (the sample's good and bad rows, cycled) against a
 * sandbox bank that injects faults into 30% of the bulk requests (429, 502, 503, 504
 * after storing, slow answers past the client's timeout, answers lost after storing) and
 * refuses two accounts for good, with chunks of 20 so that retries, lookups and resends
 * really happen. The event is rerun on a moving clock until nothing is left to try. After
 * every run the invariants hold; at the end every payout is paid once, skipped, or
 * dead-lettered (exactly those to the refused accounts).
 */
class SeededSimulationIntegrationTests extends FaultySandboxBankIntegrationTest {

	static final int PAYOUTS = 2000;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PayoutQueries db;

	@Autowired
	FieldCipher cipher;

	@TempDir
	Path dir;

	@Test
	void everyPayoutEndsPaidOnceSkippedOrDeadLetteredWhateverTheBankDoes() throws Exception {
		Path file = dir.resolve("simulation.csv");
		SyntheticPayoutFile.write(SampleEvent.FILE, file, PAYOUTS);
		String event = events.file("SIM", file);

		var first = runs.run(event).execution();
		assertThat(first.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(db.invariantViolations(event, false)).isEmpty();
		int reruns = 0;
		while (db.count("""
				SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status IN ('failed', 'sending')""",
				event) > 0 && reruns < 12) {
			clock.advance(Duration.ofHours(7));
			var rerun = runs.rerun(event).execution();
			reruns++;
			assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(db.invariantViolations(event, false)).as("after rerun %d", reruns).isEmpty();
		}

		assertThat(reruns).as("failures carried over to later runs").isPositive();
		assertThat(db.invariantViolations(event, true)).isEmpty();
		Map<String, Long> byStatus = new LinkedHashMap<>();
		jdbc.sql("SELECT status, count(*) FROM payouts WHERE liquidation_event_id = :event GROUP BY status")
			.param("event", event)
			.query(rs -> {
				byStatus.put(rs.getString(1), rs.getLong(2));
			});
		// The accounts are stored encrypted (random IV): compare them decrypted.
		long refused = jdbc.sql("""
				SELECT iban, account_number FROM payouts WHERE liquidation_event_id = :event
				AND payment_method IN ('ACH', 'Wire') AND country IS NOT NULL AND external_account_id IS NOT NULL""")
			.param("event", event)
			.query((rs, n) -> REFUSED_SAMPLE_IBAN.equals(cipher.decrypt(rs.getString("iban")))
					|| REFUSED_SAMPLE_ACCOUNT.equals(cipher.decrypt(rs.getString("account_number"))))
			.list()
			.stream()
			.filter(Boolean::booleanValue)
			.count();
		long skipped = db
			.count("SELECT count(*) FROM payouts WHERE liquidation_event_id = :event AND status = 'pending'", event);
		assertThat(refused).isPositive();
		assertThat(byStatus).containsOnlyKeys("sent", "pending", "dead_letter")
			.containsEntry("dead_letter", refused)
			.containsEntry("sent", PAYOUTS - skipped - refused);
		assertThat(db.bankOrders(event)).isEqualTo(PAYOUTS - skipped - refused);
		long faultedRequests = jdbc.sql("""
				SELECT count(*) FROM (SELECT r.idempotency_key FROM sandbox_bank.received_requests r
				JOIN payout_batch_lines l ON l.idempotency_key::text = r.idempotency_key
				JOIN payouts p ON p.id = l.payout_id AND p.liquidation_event_id = :event
				GROUP BY r.idempotency_key HAVING count(*) > 1) resent""")
			.param("event", event)
			.query(Long.class)
			.single();
		assertThat(faultedRequests).as("orders the bank saw more than once: resends really happened").isPositive();
		System.out.printf("simulation: %d payouts, %d reruns, %s, %d orders resent with the same key%n", PAYOUTS,
				reruns, byStatus, faultedRequests);
	}

}
