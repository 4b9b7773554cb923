package com.payoutrunner.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends audit events. Runs record one event per payout transition, inserted set-based
 * per chunk (one statement for the whole chunk), inside the chunk's transaction, so the
 * trail and the state change commit together. The table rejects UPDATE and DELETE.
 */
@Repository
public class AuditTrail {

	private static final String INSERT_PAYOUT_EVENTS = """
			INSERT INTO audit_events (entity_type, entity_id, action, category, severity, actor, run_id, details)
			SELECT 'payout', u.payout_id::text, :action, :category, :severity, :actor, :runId, u.details::jsonb
			FROM unnest(CAST(:payoutIds AS bigint[]), CAST(:details AS text[])) AS u(payout_id, details)
			""";

	private final JdbcClient jdbc;

	public AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One event per payout; {@code details} holds one JSON object per payout, in the same
	 * order.
	 */
	public void payoutEvents(String action, AuditCategory category, String severity, String actor, Long runId,
			List<Long> payoutIds, List<String> details) {
		if (payoutIds.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT_PAYOUT_EVENTS)
			.param("action", action)
			.param("category", category.code())
			.param("severity", severity)
			.param("actor", actor)
			.param("runId", runId)
			.param("payoutIds", payoutIds.toArray(Long[]::new))
			.param("details", details.toArray(String[]::new))
			.update();
	}

	/** One event about anything other than a payout (a batch, a bank file). */
	public void event(String entityType, String entityId, String action, AuditCategory category, String severity,
			String actor, Long runId, String details) {
		jdbc.sql(
				"""
						INSERT INTO audit_events (entity_type, entity_id, action, category, severity, actor, run_id, details)
						VALUES (:entityType, :entityId, :action, :category, :severity, :actor, :runId, CAST(:details AS jsonb))""")
			.param("entityType", entityType)
			.param("entityId", entityId)
			.param("action", action)
			.param("category", category.code())
			.param("severity", severity)
			.param("actor", actor)
			.param("runId", runId)
			.param("details", details)
			.update();
	}

}
