package com.payoutrunner.batching;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.payoutrunner.connector.file.BankFileFormat;
import com.payoutrunner.core.Money;

/**
 * Payout batches as operators read them (the API's {@code /api/batches}, a run's page):
 * what each held, what the bank accepted, and for a batch that goes to the bank as a file
 * the file's name in the outbox.
 */
@Service
public class PayoutBatchQueries {

	private static final String BATCHES = """
			SELECT b.id, b.reference, b.run_id, b.rail, b.currency, b.connector, b.created_at,
			       count(l.id) AS lines,
			       count(l.id) FILTER (WHERE l.status = 'accepted') AS accepted,
			       count(l.id) FILTER (WHERE l.status IN ('failed', 'rejected')) AS failed,
			       count(l.id) FILTER (WHERE l.status IN ('queued', 'sending')) AS open,
			       coalesce(sum(l.rail_amount_minor), 0) AS amount,
			       coalesce(sum(l.rail_amount_minor) FILTER (WHERE l.status = 'accepted'), 0) AS accepted_amount
			FROM payout_batches b LEFT JOIN payout_batch_lines l ON l.batch_id = b.id
			WHERE (CAST(:run AS bigint) IS NULL OR b.run_id = :run)
			GROUP BY b.id ORDER BY b.id DESC LIMIT :limit""";

	/**
	 * A batch and its lines' outcomes; {@code bankFile} is null for a batch sent through
	 * an API connector.
	 */
	public record BatchView(long id, String reference, long runId, String rail, String currency, String connector,
			OffsetDateTime createdAt, long lines, long accepted, long failed, long open, Money amount,
			Money acceptedAmount, String bankFile) {

		/** Accepted lines in percent, two decimals; null for a batch without lines. */
		public Double successRate() {
			// A rate, not money: a ratio for people to read.
			return lines == 0 ? null : Math.round(accepted * 10000.0 / lines) / 100.0;
		}

	}

	private final JdbcClient jdbc;

	PayoutBatchQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest batches first, of one run (its run id) or of all when null. */
	public List<BatchView> batches(Long runId, int limit) {
		return jdbc.sql(BATCHES).param("run", runId).param("limit", limit).query((rs, n) -> {
			String currency = rs.getString("currency");
			String connector = rs.getString("connector");
			String reference = rs.getString("reference");
			String bankFile = BankFileFormat.forConnector(connector)
				.map(format -> reference + "." + format.extension())
				.orElse(null);
			return new BatchView(rs.getLong("id"), reference, rs.getLong("run_id"), rs.getString("rail"), currency,
					connector, rs.getObject("created_at", OffsetDateTime.class), rs.getLong("lines"),
					rs.getLong("accepted"), rs.getLong("failed"), rs.getLong("open"),
					Money.ofMinor(rs.getLong("amount"), currency),
					Money.ofMinor(rs.getLong("accepted_amount"), currency), bankFile);
		}).list();
	}

}
