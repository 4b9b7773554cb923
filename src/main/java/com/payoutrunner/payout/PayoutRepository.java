package com.payoutrunner.payout;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payout rows beside their status (which only {@link PayoutLifecycle} changes): the
 * columns a run reads, skip reasons, events.
 */
@Repository
public class PayoutRepository {

	public static final String CANDIDATE_COLUMNS = """
			id, liquidation_event_id, investor_id, investor_name, country, payment_method, external_account_id,
			amount_minor, currency, has_us_bank_account, priority, iban, bic, account_number, routing_number,
			sort_code, scheduled_date, status, payment_order_id, failed_attempts, next_attempt_at, molam_fee_minor,
			bank_fee_minor, fee_rule""";

	private static final String RECORD_SKIP_REASONS = """
			UPDATE payouts p SET skip_reason = u.reason, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[])) AS u(id, reason)
			WHERE p.id = u.id""";

	private static final String ENSURE_EVENT = """
			INSERT INTO liquidation_events (id) VALUES (:event) ON CONFLICT (id) DO NOTHING""";

	private final JdbcClient jdbc;

	public PayoutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the latest skip reason of each payout, in one statement. */
	public void recordSkipReasons(List<Long> ids, List<String> reasons) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(RECORD_SKIP_REASONS)
			.param("ids", ids.toArray(Long[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.update();
	}

	public void ensureEvent(String event) {
		jdbc.sql(ENSURE_EVENT).param("event", event).update();
	}

	public boolean eventExists(String event) {
		return jdbc.sql("SELECT count(*) FROM liquidation_events WHERE id = :event")
			.param("event", event)
			.query(Long.class)
			.single() > 0;
	}

}
