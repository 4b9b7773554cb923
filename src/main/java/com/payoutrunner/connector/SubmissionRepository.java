package com.payoutrunner.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payment submissions and the line states that follow them. Every method is one or two
 * statements per chunk.
 */
@Repository
public class SubmissionRepository {

	private static final String INSERT_SENDING = """
			INSERT INTO payment_submissions (batch_line_id, idempotency_key, request_body, status, connector,
			    job_execution_id, run_id, attempts)
			SELECT u.line_id, u.idempotency_key, u.body, 'sending', :connector, :jobExecutionId, :runId, :attempts
			FROM unnest(CAST(:lineIds AS bigint[]), CAST(:keys AS uuid[]), CAST(:bodies AS text[]))
			    AS u(line_id, idempotency_key, body)
			-- Lines just marked sending: one cancelled since the chunk was read is never sent.
			JOIN payout_batch_lines l ON l.id = u.line_id AND l.status = 'sending'
			ON CONFLICT (batch_line_id) DO NOTHING
			RETURNING batch_line_id, idempotency_key, request_body, attempts""";

	private static final String MARK_LINES_SENDING = """
			UPDATE payout_batch_lines SET status = 'sending', updated_at = now()
			WHERE id = ANY(CAST(:lineIds AS bigint[])) AND status = 'queued'""";

	/** Counts the attempt and returns the saved orders, in one statement. */
	private static final String TAKE_FOR_SENDING = """
			UPDATE payment_submissions SET attempts = attempts + 1, job_execution_id = :jobExecutionId,
			    run_id = :runId, updated_at = now()
			WHERE batch_line_id = ANY(CAST(:lineIds AS bigint[])) AND status IN ('sending', 'unknown')
			RETURNING idempotency_key, request_body, attempts""";

	private static final String RECORD_OUTCOMES = """
			UPDATE payment_submissions s SET status = u.status, bank_order_id = u.order_id, reason_code = u.code,
			    reason = u.reason, updated_at = now()
			FROM unnest(CAST(:keys AS uuid[]), CAST(:statuses AS text[]), CAST(:orders AS text[]),
			    CAST(:codes AS text[]), CAST(:reasons AS text[])) AS u(idempotency_key, status, order_id, code, reason)
			WHERE s.idempotency_key = u.idempotency_key AND s.status <> 'accepted'
			RETURNING s.batch_line_id""";

	private static final String LINES_FROM_OUTCOMES = """
			UPDATE payout_batch_lines l SET status = s.line_status, payment_order_id = s.bank_order_id,
			    failure_reason = s.reason, updated_at = now()
			FROM (SELECT batch_line_id, bank_order_id, reason,
			          CASE status WHEN 'accepted' THEN 'accepted' WHEN 'rejected' THEN 'rejected'
			                      WHEN 'failed' THEN 'failed' ELSE 'sending' END AS line_status
			      FROM payment_submissions WHERE idempotency_key = ANY(CAST(:keys AS uuid[]))) s
			WHERE l.id = s.batch_line_id AND l.status = 'sending'
			RETURNING l.payout_id, l.status, l.payment_order_id, l.failure_reason""";

	/** A line whose state changed, with the payout it pays. */
	public record LineChange(long payoutId, String lineStatus, String paymentOrderId, String failureReason) {
	}

	private final JdbcClient jdbc;

	public SubmissionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Saves a submission (status sending, with its body, no attempt yet) for each new
	 * line of a bank file, and marks the lines sending.
	 */
	public void saveSending(long runId, long jobExecutionId, String connector, List<SubmittableLine> lines,
			List<String> bodies) {
		save(runId, jobExecutionId, connector, lines, bodies, 0);
	}

	/**
	 * As {@link #saveSending}, for lines about to be sent at once: their first attempt is
	 * counted in the same row (one write, not an insert and an update).
	 * @return the saved orders, line id → order
	 */
	public Map<Long, PaymentOrderSubmission> saveSendingFirstAttempt(long runId, long jobExecutionId, String connector,
			List<SubmittableLine> lines, List<String> bodies) {
		return save(runId, jobExecutionId, connector, lines, bodies, 1);
	}

	private Map<Long, PaymentOrderSubmission> save(long runId, long jobExecutionId, String connector,
			List<SubmittableLine> lines, List<String> bodies, int attempts) {
		Map<Long, PaymentOrderSubmission> saved = new LinkedHashMap<>();
		if (lines.isEmpty()) {
			return saved;
		}
		Long[] lineIds = lines.stream().map(SubmittableLine::lineId).toArray(Long[]::new);
		// Lines first, then submissions, in the order a cancellation locks them: a line
		// is either cancelled before (and never sent) or sending before it can be
		// cancelled.
		jdbc.sql(MARK_LINES_SENDING).param("lineIds", lineIds).update();
		jdbc.sql(INSERT_SENDING)
			.param("runId", runId)
			.param("connector", connector)
			.param("jobExecutionId", jobExecutionId)
			.param("attempts", attempts)
			.param("lineIds", lineIds)
			.param("keys", lines.stream().map(SubmittableLine::idempotencyKey).toArray(UUID[]::new))
			.param("bodies", bodies.toArray(String[]::new))
			.query(rs -> {
				saved.put(rs.getLong("batch_line_id"),
						new PaymentOrderSubmission(rs.getObject("idempotency_key", UUID.class),
								rs.getString("request_body"), rs.getInt("attempts")));
			});
		return saved;
	}

	/** The saved orders of these lines that still need an answer; counts the attempt. */
	public List<PaymentOrderSubmission> toSend(long runId, long jobExecutionId, List<Long> lineIds) {
		return jdbc.sql(TAKE_FOR_SENDING)
			.param("runId", runId)
			.param("jobExecutionId", jobExecutionId)
			.param("lineIds", lineIds.toArray(Long[]::new))
			.query((rs, n) -> new PaymentOrderSubmission(rs.getObject("idempotency_key", UUID.class),
					rs.getString("request_body"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Records the bank's answers and moves the lines accordingly; returns the lines that
	 * changed.
	 */
	public List<LineChange> recordOutcomes(List<SubmissionOutcome> outcomes) {
		if (outcomes.isEmpty()) {
			return List.of();
		}
		int n = outcomes.size();
		UUID[] keys = new UUID[n];
		String[] statuses = new String[n];
		String[] orders = new String[n];
		String[] codes = new String[n];
		String[] reasons = new String[n];
		for (int i = 0; i < n; i++) {
			SubmissionOutcome o = outcomes.get(i);
			keys[i] = o.idempotencyKey();
			statuses[i] = o.status().name().toLowerCase(java.util.Locale.ROOT);
			orders[i] = o.bankOrderId();
			codes[i] = o.reasonCode();
			reasons[i] = o.reason();
		}
		jdbc.sql(RECORD_OUTCOMES)
			.param("keys", keys)
			.param("statuses", statuses)
			.param("orders", orders)
			.param("codes", codes)
			.param("reasons", reasons)
			.query(Long.class)
			.list();
		return new ArrayList<>(jdbc.sql(LINES_FROM_OUTCOMES)
			.param("keys", keys)
			.query((rs, i) -> new LineChange(rs.getLong("payout_id"), rs.getString("status"),
					rs.getString("payment_order_id"), rs.getString("failure_reason")))
			.list());
	}

}
