package com.payoutrunner.approval;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.Money;
import com.payoutrunner.preview.PreviewTotals;

/** Run approval requests, their decisions, and what a rejection withdraws. */
@Repository
class RunApprovalRepository {

	/** The lines a run built and may still pay, grouped as a preview groups them. */
	private static final String LINE_TOTALS = """
			SELECT l.rail, l.rail_currency, b.connector, l.currency, count(*) AS payouts, sum(l.amount_minor) AS gross,
			       sum(l.fee_minor) AS fees, sum(l.net_minor) AS net, sum(l.rail_amount_minor) AS rail_amount
			FROM payout_batch_lines l JOIN payout_batches b ON b.id = l.batch_id
			WHERE l.run_id = :runId AND l.status IN ('queued', 'sending', 'accepted')
			GROUP BY l.rail, l.rail_currency, b.connector, l.currency
			ORDER BY l.rail, l.rail_currency, l.currency, b.connector""";

	private static final String INSERT_REQUEST = """
			INSERT INTO run_approval_requests (run_id, job_execution_id, event, schedule, slot, launched_by,
			    approvals_required, total_minor, ceiling_minor, ceiling_currency, totals, requested_at)
			VALUES (:runId, :jobExecutionId, :event, :schedule, :slot, :launchedBy, :required, :total, :ceiling,
			    :currency, CAST(:totals AS jsonb), :at)
			ON CONFLICT (run_id) DO NOTHING""";

	private static final String SELECT_REQUEST = """
			SELECT run_id, job_execution_id, event, schedule, slot, launched_by, status, approvals_required, total_minor,
			       ceiling_minor, ceiling_currency, totals::text AS totals, requested_at, decided_at
			FROM run_approval_requests""";

	private static final String DECIDE = """
			UPDATE run_approval_requests SET status = :status, decided_at = :at WHERE run_id = :runId""";

	private static final String INSERT_DECISION = """
			INSERT INTO run_approvals (run_id, approver, decision, comment, created_at)
			VALUES (:runId, :approver, :decision, :comment, :at)""";

	private static final String PASS = """
			INSERT INTO run_gate_passes (run_id, reason, passed_at) VALUES (:runId, :reason, :at)
			ON CONFLICT (run_id) DO NOTHING""";

	/** The queued lines of a rejected run are withdrawn: nothing reads them to send. */
	private static final String WITHDRAW_LINES = """
			UPDATE payout_batch_lines SET status = 'failed', failure_reason = :reason, updated_at = now()
			WHERE run_id = :runId AND status = 'queued'
			RETURNING payout_id""";

	/** A request as stored. {@code totals} is the JSON it was asked with. */
	record Request(long runId, long jobExecutionId, String event, String schedule, String slot, String launchedBy,
			String status, int approvalsRequired, Money total, Money ceiling, String totals, Instant requestedAt,
			Instant decidedAt) {

		boolean isAwaiting() {
			return "awaiting".equals(status);
		}

	}

	/** One person's decision on a run. */
	record Decision(String approver, String decision, String comment, Instant at) {
	}

	private final JdbcClient jdbc;

	RunApprovalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<PreviewTotals.Row> lineTotals(long runId) {
		return jdbc.sql(LINE_TOTALS).param("runId", runId).query((rs, n) -> {
			Currency currency = Currency.getInstance(rs.getString("currency").trim());
			Currency railCurrency = Currency.getInstance(rs.getString("rail_currency").trim());
			return new PreviewTotals.Row(
					new PreviewTotals.Key(rs.getString("rail"), railCurrency.getCurrencyCode(),
							rs.getString("connector"), currency.getCurrencyCode()),
					rs.getLong("payouts"), new Money(rs.getLong("gross"), currency),
					new Money(rs.getLong("fees"), currency), new Money(rs.getLong("net"), currency),
					new Money(rs.getLong("rail_amount"), railCurrency));
		}).list();
	}

	void insert(Request request) {
		jdbc.sql(INSERT_REQUEST)
			.param("runId", request.runId())
			.param("jobExecutionId", request.jobExecutionId())
			.param("event", request.event())
			.param("schedule", request.schedule())
			.param("slot", request.slot())
			.param("launchedBy", request.launchedBy())
			.param("required", request.approvalsRequired())
			.param("total", request.total().minorUnits())
			.param("ceiling", request.ceiling().minorUnits())
			.param("currency", request.ceiling().code())
			.param("totals", request.totals())
			.param("at", java.sql.Timestamp.from(request.requestedAt()))
			.update();
	}

	Optional<Request> find(long runId) {
		return jdbc.sql(SELECT_REQUEST + " WHERE run_id = :runId")
			.param("runId", runId)
			.query(this::request)
			.optional();
	}

	/**
	 * The request, its row locked until the transaction ends: decisions count exactly.
	 */
	Optional<Request> lock(long runId) {
		return jdbc.sql(SELECT_REQUEST + " WHERE run_id = :runId FOR UPDATE")
			.param("runId", runId)
			.query(this::request)
			.optional();
	}

	/** Newest first; {@code status} null for all. */
	List<Request> list(String status, int limit) {
		return jdbc.sql(SELECT_REQUEST
				+ " WHERE (CAST(:status AS text) IS NULL OR status = :status) ORDER BY requested_at DESC, run_id DESC"
				+ " LIMIT :limit")
			.param("status", status)
			.param("limit", limit)
			.query(this::request)
			.list();
	}

	List<Decision> decisions(long runId) {
		return jdbc
			.sql("SELECT approver, decision, comment, created_at FROM run_approvals WHERE run_id = :runId ORDER BY id")
			.param("runId", runId)
			.query((rs, n) -> new Decision(rs.getString("approver"), rs.getString("decision"), rs.getString("comment"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void insertDecision(long runId, String approver, String decision, String comment, Instant at) {
		jdbc.sql(INSERT_DECISION)
			.param("runId", runId)
			.param("approver", approver)
			.param("decision", decision)
			.param("comment", comment)
			.param("at", java.sql.Timestamp.from(at))
			.update();
	}

	void decide(long runId, String status, Instant at) {
		jdbc.sql(DECIDE)
			.param("status", status)
			.param("at", java.sql.Timestamp.from(at))
			.param("runId", runId)
			.update();
	}

	/** From now on the run's lines may be sent (files, bank calls). */
	void pass(long runId, String reason, Instant at) {
		jdbc.sql(PASS).param("runId", runId).param("reason", reason).param("at", java.sql.Timestamp.from(at)).update();
	}

	boolean hasPassed(long runId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM run_gate_passes WHERE run_id = :runId)")
			.param("runId", runId)
			.query(Boolean.class)
			.single();
	}

	List<Long> withdrawLines(long runId, String reason) {
		return jdbc.sql(WITHDRAW_LINES).param("runId", runId).param("reason", reason).query(Long.class).list();
	}

	private Request request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Currency currency = Currency.getInstance(rs.getString("ceiling_currency").trim());
		java.sql.Timestamp decided = rs.getTimestamp("decided_at");
		return new Request(rs.getLong("run_id"), rs.getLong("job_execution_id"), rs.getString("event"),
				rs.getString("schedule"), rs.getString("slot"), rs.getString("launched_by"), rs.getString("status"),
				rs.getInt("approvals_required"), new Money(rs.getLong("total_minor"), currency),
				new Money(rs.getLong("ceiling_minor"), currency), rs.getString("totals"),
				rs.getTimestamp("requested_at").toInstant(), decided == null ? null : decided.toInstant());
	}

}
