package com.payoutrunner.reconciliation;

import java.sql.ResultSet;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

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
			l.net_minor, l.currency, b.id AS batch_id, b.reference AS batch_reference, m.paid_minor AS settled_minor""";

	private static final String PAYOUT_JOINS = """
			LEFT JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
			LEFT JOIN payout_batches b ON b.id = l.batch_id
			LEFT JOIN reconciliation_matches m ON m.payout_id = p.id AND m.outcome = 'settled'""";

	/**
	 * The payouts named by id, by payment order or by batch reference, any status (so
	 * that the report can say why one cannot be settled), locked until the statement
	 * commits, in id order.
	 */
	private static final String LOCK_NAMED = """
			SELECT p.id FROM payouts p
			WHERE p.id IN (SELECT unnest(CAST(:ids AS bigint[]))
			               UNION SELECT id FROM payouts WHERE payment_order_id = ANY(CAST(:orders AS text[]))
			               UNION SELECT l2.payout_id FROM payout_batch_lines l2
			                     JOIN payout_batches b2 ON b2.id = l2.batch_id
			                     WHERE l2.status = 'accepted' AND b2.reference = ANY(CAST(:orders AS text[])))
			ORDER BY p.id
			FOR UPDATE OF p""";

	/**
	 * Read after the lock, in a statement of its own: a lock that waited for another
	 * statement's transaction sees the payout row as that one left it, but rows joined in
	 * the same statement (its settlement) only as they were before.
	 */
	private static final String FIND_LOCKED = """
			SELECT %s
			FROM payouts p
			%s
			WHERE p.id = ANY(CAST(:ids AS bigint[]))
			ORDER BY p.id""".formatted(PAYOUT_COLUMNS, PAYOUT_JOINS);

	/** Nothing when the same content was applied before (or is being, by another). */
	private static final String INSERT_STATEMENT = """
			INSERT INTO reconciliation_statements (file_name, content_sha256, format, lines, job_instance_id,
			    delivered_by)
			VALUES (:name, :hash, :format, :lines, :jobInstance, :deliveredBy)
			ON CONFLICT (content_sha256) DO NOTHING
			RETURNING id""";

	private static final String COUNT_STATEMENT = """
			UPDATE reconciliation_statements
			SET matched = :matched, unmatched = :unmatched, rejected = :rejected, ignored = :ignored,
			    settled = :settled, settled_for_less = :settledForLess, returned = :returned,
			    batches_settled = :batchesSettled, batches_partial = :batchesPartial, needs_review = :needsReview,
			    pending_confirmation = :pendingConfirmation
			WHERE id = :id""";

	private static final String STATEMENT_COLUMNS = """
			id, file_name, format, lines, job_instance_id, matched, unmatched, rejected, ignored, settled, settled_for_less,
			    returned, batches_settled, batches_partial, needs_review, pending_confirmation, delivered_by, confirmed_by""";

	private static final String FIND_STATEMENT = """
			SELECT %s
			FROM reconciliation_statements WHERE content_sha256 = :hash""".formatted(STATEMENT_COLUMNS);

	/** A statement to confirm, locked: one confirmation at a time. */
	private static final String LOCK_STATEMENT = """
			SELECT %s
			FROM reconciliation_statements WHERE id = :id
			FOR UPDATE""".formatted(STATEMENT_COLUMNS);

	private static final String CONFIRM_STATEMENT = """
			UPDATE reconciliation_statements
			SET matched = matched + :matched, unmatched = unmatched + :unmatched, settled = settled + :settled,
			    settled_for_less = settled_for_less + :settledForLess, returned = returned + :returned,
			    batches_settled = batches_settled + :batchesSettled, batches_partial = batches_partial + :batchesPartial,
			    pending_confirmation = 0, confirmed_by = :confirmedBy, confirmed_at = now()
			WHERE id = :id AND confirmed_by IS NULL""";

	/** A line pending confirmation becomes matched (applied) or unmatched (no longer). */
	private static final String RESOLVE_LINE = """
			UPDATE reconciliation_lines SET kind = :kind, reason = :reason
			WHERE id = :id AND kind = 'pending_confirmation'""";

	private static final String INSERT_LINES = """
			INSERT INTO reconciliation_lines (statement_id, line_number, kind, outcome, payout_ids, amount_minor,
			    currency, booking_date, bank_reference, refs, reason, return_reason, charges_minor, reason_code)
			SELECT :statement, u.line, u.kind, u.outcome, u.ids, u.amount, u.currency, u.booking_date, u.bank_reference,
			    u.refs, u.reason, u.return_reason, u.charges, u.reason_code
			FROM unnest(CAST(:lines AS integer[]), CAST(:kinds AS text[]), CAST(:outcomes AS text[]),
			    CAST(:ids AS text[]), CAST(:amounts AS bigint[]), CAST(:currencies AS text[]), CAST(:dates AS date[]),
			    CAST(:bankReferences AS text[]), CAST(:refs AS text[]), CAST(:reasons AS text[]),
			    CAST(:returnReasons AS text[]), CAST(:charges AS bigint[]), CAST(:reasonCodes AS text[]))
			    AS u(line, kind, outcome, ids, amount, currency, booking_date, bank_reference, refs, reason,
			         return_reason, charges, reason_code)""";

	private static final String FIND_LINES = """
			SELECT id, line_number, kind, outcome, payout_ids, amount_minor, currency, booking_date, bank_reference, refs,
			    reason, return_reason, charges_minor, reason_code
			FROM reconciliation_lines WHERE statement_id = :statement AND (CAST(:kind AS text) IS NULL OR kind = :kind)
			ORDER BY line_number, id""";

	private static final String INSERT_MATCHES = """
			INSERT INTO reconciliation_matches (statement_id, line_number, payout_id, outcome, amount_minor, paid_minor,
			    currency, bank_reference, return_reason)
			SELECT :statement, u.line, u.payout_id, u.outcome, u.amount, u.paid, u.currency, u.bank_reference, u.reason
			FROM unnest(CAST(:lines AS integer[]), CAST(:ids AS bigint[]), CAST(:outcomes AS text[]),
			    CAST(:amounts AS bigint[]), CAST(:paid AS bigint[]), CAST(:currencies AS text[]),
			    CAST(:bankReferences AS text[]), CAST(:reasons AS text[]))
			    AS u(line, payout_id, outcome, amount, paid, currency, bank_reference, reason)""";

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
			%s
			WHERE p.status = 'sent' AND p.updated_at < :cutoff
			ORDER BY p.updated_at, p.id""".formatted(PAYOUT_COLUMNS, PAYOUT_JOINS);

	/** A batch whose settlement status changed. */
	record BatchSettlement(long id, String reference, String status) {
	}

	/**
	 * A statement as applied, with what it did.
	 *
	 * @param jobInstanceId the reconcileStatementJob instance that applied it; null when
	 * applied before the job existed
	 */
	record StatementRow(long id, String fileName, String format, int lines, int matched, int unmatched, int rejected,
			int ignored, int settled, int settledForLess, int returned, int batchesSettled, int batchesPartial,
			Long jobInstanceId, int needsReview, int pendingConfirmation, String deliveredBy, String confirmedBy) {

		/**
		 * Whether this job instance applied it (not an earlier one, nor the old path).
		 */
		boolean appliedBy(long instanceId) {
			return jobInstanceId != null && jobInstanceId == instanceId;
		}

	}

	/**
	 * One payout a statement line settled or returned.
	 *
	 * @param amount what the bank was asked to pay (or, returned, what it gave back)
	 * @param paid what it paid: less than the amount when it settled for less
	 */
	record MatchRow(int line, long payoutId, String outcome, Money amount, Money paid, String bankReference,
			String returnReason) {

		boolean paidLess() {
			return paid.minorUnits() < amount.minorUnits();
		}

	}

	/**
	 * One line of a statement and what became of it; amount and date null when unread.
	 * Return reason, charges and reason code as the statement gave them (null when not),
	 * so that a line pending confirmation can be matched again.
	 */
	record LineRow(int line, String kind, String outcome, String payoutIds, Money amount, LocalDate bookingDate,
			String bankReference, String references, String reason, String returnReason, Money charges,
			String reasonCode) {
	}

	private final JdbcClient jdbc;

	ReconciliationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the statement's id; empty when the same content was applied before
	 */
	Optional<Long> recordStatement(String name, String hash, String format, int lines, Long jobInstanceId,
			String deliveredBy) {
		return jdbc.sql(INSERT_STATEMENT)
			.param("deliveredBy", deliveredBy)
			.param("jobInstance", jobInstanceId)
			.param("name", name)
			.param("hash", hash)
			.param("format", format)
			.param("lines", lines)
			.query(Long.class)
			.optional();
	}

	void countStatement(StatementRow totals) {
		jdbc.sql(COUNT_STATEMENT)
			.param("matched", totals.matched())
			.param("unmatched", totals.unmatched())
			.param("rejected", totals.rejected())
			.param("ignored", totals.ignored())
			.param("settled", totals.settled())
			.param("settledForLess", totals.settledForLess())
			.param("returned", totals.returned())
			.param("batchesSettled", totals.batchesSettled())
			.param("batchesPartial", totals.batchesPartial())
			.param("needsReview", totals.needsReview())
			.param("pendingConfirmation", totals.pendingConfirmation())
			.param("id", totals.id())
			.update();
	}

	Optional<StatementRow> findStatement(String hash) {
		return jdbc.sql(FIND_STATEMENT).param("hash", hash).query(ReconciliationRepository::statement).optional();
	}

	/** The statement, locked until the caller's transaction ends. */
	Optional<StatementRow> lockStatement(long id) {
		return jdbc.sql(LOCK_STATEMENT).param("id", id).query(ReconciliationRepository::statement).optional();
	}

	/**
	 * Records the confirmation: what the confirmed lines did is added to the statement's
	 * counts, and none is pending any more.
	 * @param applied what the lines that still applied did
	 * @param matched how many lines applied; {@code unmatched} how many no longer could
	 */
	void confirmStatement(long id, String confirmedBy, int matched, int unmatched, StatementApplier.Applied applied) {
		int updated = jdbc.sql(CONFIRM_STATEMENT)
			.param("matched", matched)
			.param("unmatched", unmatched)
			.param("settled", applied.settled())
			.param("settledForLess", applied.settledForLess())
			.param("returned", applied.returned())
			.param("batchesSettled", applied.batchesSettled())
			.param("batchesPartial", applied.batchesPartial())
			.param("confirmedBy", confirmedBy)
			.param("id", id)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("statement " + id + " was locked unconfirmed, yet not updated");
		}
	}

	/**
	 * A line pending confirmation, confirmed: matched (applied) or unmatched.
	 * @param lineId the row's id ({@link #pendingLines})
	 */
	void resolvePendingLine(long lineId, String kind, String reason) {
		jdbc.sql(RESOLVE_LINE).param("kind", kind).param("reason", reason).param("id", lineId).update();
	}

	private static StatementRow statement(ResultSet rs, int row) throws SQLException {
		return new StatementRow(rs.getLong("id"), rs.getString("file_name"), rs.getString("format"), rs.getInt("lines"),
				rs.getInt("matched"), rs.getInt("unmatched"), rs.getInt("rejected"), rs.getInt("ignored"),
				rs.getInt("settled"), rs.getInt("settled_for_less"), rs.getInt("returned"),
				rs.getInt("batches_settled"), rs.getInt("batches_partial"), rs.getObject("job_instance_id", Long.class),
				rs.getInt("needs_review"), rs.getInt("pending_confirmation"), rs.getString("delivered_by"),
				rs.getString("confirmed_by"));
	}

	List<SentPayout> lockNamed(List<Long> ids, List<String> orders) {
		List<Long> locked = jdbc.sql(LOCK_NAMED)
			.param("ids", ids.toArray(Long[]::new))
			.param("orders", orders.toArray(String[]::new))
			.query(Long.class)
			.list();
		return jdbc.sql(FIND_LOCKED).param("ids", locked.toArray(Long[]::new)).query((rs, n) -> payout(rs)).list();
	}

	void recordMatches(long statementId, List<MatchRow> matches) {
		if (matches.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT_MATCHES)
			.param("statement", statementId)
			.param("lines", matches.stream().map(MatchRow::line).toArray(Integer[]::new))
			.param("ids", matches.stream().map(MatchRow::payoutId).toArray(Long[]::new))
			.param("outcomes", matches.stream().map(MatchRow::outcome).toArray(String[]::new))
			.param("amounts", matches.stream().map(match -> match.amount().minorUnits()).toArray(Long[]::new))
			.param("paid", matches.stream().map(match -> match.paid().minorUnits()).toArray(Long[]::new))
			.param("currencies", matches.stream().map(match -> match.amount().code()).toArray(String[]::new))
			.param("bankReferences", matches.stream().map(MatchRow::bankReference).toArray(String[]::new))
			.param("reasons", matches.stream().map(MatchRow::returnReason).toArray(String[]::new))
			.update();
	}

	void recordLines(long statementId, List<LineRow> lines) {
		if (lines.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT_LINES)
			.param("statement", statementId)
			.param("lines", lines.stream().map(LineRow::line).toArray(Integer[]::new))
			.param("kinds", lines.stream().map(LineRow::kind).toArray(String[]::new))
			.param("outcomes", lines.stream().map(LineRow::outcome).toArray(String[]::new))
			.param("ids", lines.stream().map(LineRow::payoutIds).toArray(String[]::new))
			.param("amounts",
					lines.stream()
						.map(line -> line.amount() == null ? null : line.amount().minorUnits())
						.toArray(Long[]::new))
			.param("currencies",
					lines.stream()
						.map(line -> line.amount() == null ? null : line.amount().code())
						.toArray(String[]::new))
			.param("dates",
					lines.stream()
						.map(line -> line.bookingDate() == null ? null : Date.valueOf(line.bookingDate()))
						.toArray(Date[]::new))
			.param("bankReferences", lines.stream().map(LineRow::bankReference).toArray(String[]::new))
			.param("refs", lines.stream().map(LineRow::references).toArray(String[]::new))
			.param("reasons", lines.stream().map(LineRow::reason).toArray(String[]::new))
			.param("returnReasons", lines.stream().map(LineRow::returnReason).toArray(String[]::new))
			.param("charges",
					lines.stream()
						.map(line -> line.charges() == null ? null : line.charges().minorUnits())
						.toArray(Long[]::new))
			.param("reasonCodes", lines.stream().map(LineRow::reasonCode).toArray(String[]::new))
			.update();
	}

	List<LineRow> lines(long statementId) {
		return lines(statementId, null).stream().map(StoredLine::row).toList();
	}

	/** A recorded line with its row's id. */
	record StoredLine(long id, LineRow row) {
	}

	/** The statement's lines pending confirmation, in line order. */
	List<StoredLine> pendingLines(long statementId) {
		return lines(statementId, "pending_confirmation");
	}

	/** The statement's lines of one kind (all when null), in line order. */
	private List<StoredLine> lines(long statementId, String kind) {
		return jdbc.sql(FIND_LINES).param("statement", statementId).param("kind", kind).query((rs, n) -> {
			long amount = rs.getLong("amount_minor");
			Money money = rs.wasNull() ? null : Money.ofMinor(amount, rs.getString("currency").strip());
			Date date = rs.getDate("booking_date");
			long chargesMinor = rs.getLong("charges_minor");
			Money charges = rs.wasNull() || money == null ? null : Money.ofMinor(chargesMinor, money.code());
			return new StoredLine(rs.getLong("id"),
					new LineRow(rs.getInt("line_number"), rs.getString("kind"), rs.getString("outcome"),
							rs.getString("payout_ids"), money, date == null ? null : date.toLocalDate(),
							rs.getString("bank_reference"), rs.getString("refs"), rs.getString("reason"),
							rs.getString("return_reason"), charges, rs.getString("reason_code")));
		}).list();
	}

	/**
	 * The batches are locked first, in id order: the update then reads (in a statement of
	 * its own) the payouts as a concurrent statement that settled others of the same
	 * batch left them, and two statements cannot deadlock on batches.
	 */
	List<BatchSettlement> updateBatches(List<Long> batchIds) {
		if (batchIds.isEmpty()) {
			return List.of();
		}
		jdbc.sql("SELECT id FROM payout_batches WHERE id = ANY(CAST(:batches AS bigint[])) ORDER BY id FOR UPDATE")
			.param("batches", batchIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
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
		long netMinor = rs.getLong("net_minor");
		Money net = rs.wasNull() ? null : Money.ofMinor(netMinor, rs.getString("currency").strip());
		long settledMinor = rs.getLong("settled_minor");
		Money settledFor = rs.wasNull() ? null : Money.ofMinor(settledMinor, rail.code());
		long batchId = rs.getLong("batch_id");
		Long batch = rs.wasNull() ? null : batchId;
		return new SentPayout(rs.getLong("id"),
				rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate(),
				PayoutStatus.fromCode(rs.getString("status")), rs.getString("payment_order_id"),
				rs.getString("batch_reference"), batch, rail, net, settledFor,
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
