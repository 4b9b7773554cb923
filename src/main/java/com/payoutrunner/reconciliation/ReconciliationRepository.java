package com.payoutrunner.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutStatus;

/**
 * The rows a reconciliation reads and changes: the payouts a statement names (locked for
 * the statement's transaction), their move to settled or returned, the batches'
 * settlement status, the statement and its matches.
 */
@Repository
class ReconciliationRepository {

	private static final String PAYOUT_COLUMNS = """
			p.id, p.status, p.created_at, p.updated_at, p.payment_order_id, l.rail_amount_minor, l.rail_currency,
			b.id AS batch_id, b.reference AS batch_reference""";

	/**
	 * The payouts named by id, by payment order or by batch reference, any status (so
	 * that the report can say why one cannot be settled), locked until the statement
	 * commits.
	 */
	private static final String FIND_NAMED = """
			SELECT %s
			FROM payouts p
			LEFT JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
			LEFT JOIN payout_batches b ON b.id = l.batch_id
			WHERE p.id IN (SELECT unnest(CAST(:ids AS bigint[]))
			               UNION SELECT id FROM payouts WHERE payment_order_id = ANY(CAST(:orders AS text[]))
			               UNION SELECT l2.payout_id FROM payout_batch_lines l2
			                     JOIN payout_batches b2 ON b2.id = l2.batch_id
			                     WHERE l2.status = 'accepted' AND b2.reference = ANY(CAST(:orders AS text[])))
			ORDER BY p.id
			FOR UPDATE OF p""".formatted(PAYOUT_COLUMNS);

	private static final String INSERT_STATEMENT = """
			INSERT INTO reconciliation_statements (file_name, content_sha256, format, lines)
			VALUES (:name, :hash, :format, :lines)
			RETURNING id""";

	private static final String COUNT_STATEMENT = """
			UPDATE reconciliation_statements SET matched = :matched, unmatched = :unmatched, rejected = :rejected
			WHERE id = :id""";

	private static final String SETTLE = """
			UPDATE payouts SET status = 'settled', updated_at = now()
			WHERE id = ANY(CAST(:ids AS bigint[])) AND status = 'sent'""";

	private static final String RETURN = """
			UPDATE payouts p SET status = 'returned', last_error = u.reason, updated_at = now()
			FROM unnest(CAST(:ids AS bigint[]), CAST(:reasons AS text[])) AS u(id, reason)
			WHERE p.id = u.id AND p.status = 'sent'""";

	private static final String INSERT_MATCHES = """
			INSERT INTO reconciliation_matches (statement_id, line_number, payout_id, outcome, amount_minor, currency,
			    bank_reference, return_reason)
			SELECT :statement, u.line, u.payout_id, u.outcome, u.amount, u.currency, u.bank_reference, u.reason
			FROM unnest(CAST(:lines AS integer[]), CAST(:ids AS bigint[]), CAST(:outcomes AS text[]),
			    CAST(:amounts AS bigint[]), CAST(:currencies AS text[]), CAST(:bankReferences AS text[]),
			    CAST(:reasons AS text[])) AS u(line, payout_id, outcome, amount, currency, bank_reference, reason)""";

	/**
	 * Settled when every accepted line's payout is settled; partial when some are settled
	 * or returned; else open. Only batches whose status changes are returned.
	 */
	private static final String UPDATE_BATCHES = """
			UPDATE payout_batches b
			SET settlement_status = s.status, settled_at = CASE WHEN s.status = 'settled' THEN now() END
			FROM (SELECT l.batch_id,
			             CASE WHEN bool_and(p.status = 'settled') THEN 'settled'
			                  WHEN bool_or(p.status IN ('settled', 'returned')) THEN 'partial'
			                  ELSE 'open' END AS status
			      FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id
			      WHERE l.status = 'accepted' AND l.batch_id = ANY(CAST(:batches AS bigint[]))
			      GROUP BY l.batch_id) s
			WHERE b.id = s.batch_id AND b.settlement_status <> s.status
			RETURNING b.id, b.reference, b.settlement_status""";

	private static final String OVERDUE = """
			SELECT %s
			FROM payouts p
			LEFT JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
			LEFT JOIN payout_batches b ON b.id = l.batch_id
			WHERE p.status = 'sent' AND p.updated_at < :cutoff
			ORDER BY p.updated_at, p.id""".formatted(PAYOUT_COLUMNS);

	/** A batch whose settlement status changed. */
	record BatchSettlement(long id, String reference, String status) {
	}

	private final JdbcClient jdbc;

	ReconciliationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the statement's id, or throws DuplicateKeyException when applied before
	 */
	long recordStatement(String name, String hash, String format, int lines) {
		return jdbc.sql(INSERT_STATEMENT)
			.param("name", name)
			.param("hash", hash)
			.param("format", format)
			.param("lines", lines)
			.query(Long.class)
			.single();
	}

	void countStatement(long id, int matched, int unmatched, int rejected) {
		jdbc.sql(COUNT_STATEMENT)
			.param("matched", matched)
			.param("unmatched", unmatched)
			.param("rejected", rejected)
			.param("id", id)
			.update();
	}

	List<SentPayout> lockNamed(List<Long> ids, List<String> orders) {
		return jdbc.sql(FIND_NAMED)
			.param("ids", ids.toArray(Long[]::new))
			.param("orders", orders.toArray(String[]::new))
			.query((rs, n) -> payout(rs))
			.list();
	}

	int settle(List<Long> ids) {
		return ids.isEmpty() ? 0 : jdbc.sql(SETTLE).param("ids", ids.toArray(Long[]::new)).update();
	}

	int markReturned(List<Long> ids, List<String> reasons) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql(RETURN)
			.param("ids", ids.toArray(Long[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.update();
	}

	/** One row per payout matched; the lists are parallel. */
	void recordMatches(long statementId, List<Integer> lines, List<Long> ids, List<String> outcomes, List<Long> amounts,
			List<String> currencies, List<String> bankReferences, List<String> reasons) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT_MATCHES)
			.param("statement", statementId)
			.param("lines", lines.toArray(Integer[]::new))
			.param("ids", ids.toArray(Long[]::new))
			.param("outcomes", outcomes.toArray(String[]::new))
			.param("amounts", amounts.toArray(Long[]::new))
			.param("currencies", currencies.toArray(String[]::new))
			.param("bankReferences", bankReferences.toArray(String[]::new))
			.param("reasons", reasons.toArray(String[]::new))
			.update();
	}

	List<BatchSettlement> updateBatches(List<Long> batchIds) {
		if (batchIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(UPDATE_BATCHES)
			.param("batches", batchIds.toArray(Long[]::new))
			.query((rs, n) -> new BatchSettlement(rs.getLong("id"), rs.getString("reference"),
					rs.getString("settlement_status")))
			.list();
	}

	/** Payouts still sent (no statement settled them) since before {@code cutoff}. */
	List<SentPayout> sentBefore(Instant cutoff) {
		return jdbc.sql(OVERDUE).param("cutoff", Timestamp.from(cutoff)).query((rs, n) -> payout(rs)).list();
	}

	private static SentPayout payout(ResultSet rs) throws SQLException {
		long railAmount = rs.getLong("rail_amount_minor");
		Money rail = rs.wasNull() ? null : Money.ofMinor(railAmount, rs.getString("rail_currency").strip());
		long batchId = rs.getLong("batch_id");
		Long batch = rs.wasNull() ? null : batchId;
		return new SentPayout(rs.getLong("id"),
				rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
				PayoutStatus.fromCode(rs.getString("status")), rs.getString("payment_order_id"),
				rs.getString("batch_reference"), batch, rail,
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
