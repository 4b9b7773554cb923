package com.payoutrunner.batching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.routing.RoutedPayout;

/** Payout batches and their lines. Lines are inserted per chunk in one statement. */
@Repository
class BatchLineRepository {

	private static final String UPSERT_BATCHES = """
			INSERT INTO payout_batches (run_id, job_execution_id, rail, currency, connector, reference)
			SELECT :runId, :jobExecutionId, u.rail, u.currency, u.connector,
			       'B' || :runId || '-' || u.rail || '-' || u.currency || '-' || u.connector
			FROM unnest(CAST(:rails AS text[]), CAST(:currencies AS text[]), CAST(:connectors AS text[]))
			    AS u(rail, currency, connector)
			ORDER BY 4, 5, 6
			ON CONFLICT DO NOTHING""";

	private static final String BATCHES = """
			SELECT id, rail, currency, connector FROM payout_batches
			WHERE run_id = :runId
			  AND (rail, currency, connector) IN (SELECT * FROM unnest(CAST(:rails AS text[]),
			      CAST(:currencies AS text[]), CAST(:connectors AS text[])))""";

	private static final String INSERT_LINES = """
			INSERT INTO payout_batch_lines (batch_id, payout_id, run_id, job_execution_id, amount_minor, currency,
			    fee_minor, net_minor, fee_rule, rail, rail_rule, rail_currency, fx_rate, fx_quote_date, rail_amount_minor,
			    value_date)
			SELECT u.batch_id, u.payout_id, :runId, :jobExecutionId, u.amount_minor, u.currency, u.fee_minor,
			    u.net_minor, u.fee_rule, u.rail, u.rail_rule, u.rail_currency, u.fx_rate, u.fx_quote_date,
			    u.rail_amount_minor, u.value_date
			FROM unnest(CAST(:batchIds AS bigint[]), CAST(:payoutIds AS bigint[]), CAST(:amounts AS bigint[]),
			    CAST(:currencies AS text[]), CAST(:fees AS bigint[]), CAST(:nets AS bigint[]),
			    CAST(:feeRules AS text[]), CAST(:rails AS text[]), CAST(:railRules AS text[]),
			    CAST(:railCurrencies AS text[]), CAST(:fxRates AS numeric[]), CAST(:quoteDates AS date[]),
			    CAST(:railAmounts AS bigint[]), CAST(:valueDates AS date[]))
			    AS u(batch_id, payout_id, amount_minor, currency, fee_minor, net_minor, fee_rule, rail, rail_rule,
			         rail_currency, fx_rate, fx_quote_date, rail_amount_minor, value_date)""";

	private final JdbcClient jdbc;

	public BatchLineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The run's batch of each rail, currency and connector, created when missing: two
	 * statements for a whole chunk. Partitions of a run write at once: an insert that
	 * finds the batch there leaves the row unlocked (no {@code DO UPDATE}), so partitions
	 * do not queue behind each other's chunk transactions, and new batches are inserted
	 * in key order, so that two partitions creating the same ones cannot deadlock.
	 */
	public Map<BatchKey, Long> batchesFor(RunContext run, Set<BatchKey> keys) {
		List<BatchKey> wanted = List.copyOf(keys);
		String[] rails = wanted.stream().map(BatchKey::rail).toArray(String[]::new);
		String[] currencies = wanted.stream().map(BatchKey::currency).toArray(String[]::new);
		String[] connectors = wanted.stream().map(BatchKey::connector).toArray(String[]::new);
		jdbc.sql(UPSERT_BATCHES)
			.param("runId", run.runId())
			.param("jobExecutionId", run.jobExecutionId())
			.param("rails", rails)
			.param("currencies", currencies)
			.param("connectors", connectors)
			.update();
		Map<BatchKey, Long> ids = new HashMap<>();
		jdbc.sql(BATCHES)
			.param("runId", run.runId())
			.param("rails", rails)
			.param("currencies", currencies)
			.param("connectors", connectors)
			.query(rs -> {
				ids.put(new BatchKey(rs.getString("rail"), rs.getString("currency").trim(), rs.getString("connector")),
						rs.getLong("id"));
			});
		return ids;
	}

	/** A run's batch is one per rail, currency and connector. */
	public record BatchKey(String rail, String currency, String connector) {
	}

	/**
	 * Inserts one line per payout, all or none. A plain insert rather than
	 * {@code ON CONFLICT DO NOTHING}: a speculative insert checks every unique index
	 * before and confirms after each row (measured: a tenth more WAL records), and a
	 * conflict is an inconsistency that fails the chunk anyway.
	 * @throws IllegalStateException when a payout already has an active line (queued,
	 * sending or accepted): the partial unique index refused it, naming the payout
	 */
	public void insertLines(RunContext run, List<RoutedPayout> payouts, List<Long> batchIds,
			List<java.time.LocalDate> valueDates) {
		int n = payouts.size();
		Long[] payoutIds = new Long[n];
		Long[] amounts = new Long[n];
		String[] currencies = new String[n];
		Long[] fees = new Long[n];
		Long[] nets = new Long[n];
		String[] feeRules = new String[n];
		String[] rails = new String[n];
		String[] railRules = new String[n];
		String[] railCurrencies = new String[n];
		java.math.BigDecimal[] fxRates = new java.math.BigDecimal[n];
		java.sql.Date[] quoteDates = new java.sql.Date[n];
		Long[] railAmounts = new Long[n];
		for (int i = 0; i < n; i++) {
			RoutedPayout p = payouts.get(i);
			payoutIds[i] = p.priced().payout().id();
			amounts[i] = p.priced().payout().amount().minorUnits();
			currencies[i] = p.priced().payout().amount().code();
			fees[i] = p.priced().fee().total().minorUnits();
			nets[i] = p.priced().net().minorUnits();
			feeRules[i] = p.priced().fee().rule();
			rails[i] = p.route().rail();
			railRules[i] = p.route().rule();
			railCurrencies[i] = p.route().currency().getCurrencyCode();
			fxRates[i] = p.fx().rate();
			quoteDates[i] = java.sql.Date.valueOf(p.fx().quoteDate());
			railAmounts[i] = p.fx().target().minorUnits();
		}
		try {
			jdbc.sql(INSERT_LINES)
				.param("runId", run.runId())
				.param("jobExecutionId", run.jobExecutionId())
				.param("batchIds", batchIds.toArray(Long[]::new))
				.param("payoutIds", payoutIds)
				.param("amounts", amounts)
				.param("currencies", currencies)
				.param("fees", fees)
				.param("nets", nets)
				.param("feeRules", feeRules)
				.param("rails", rails)
				.param("railRules", railRules)
				.param("railCurrencies", railCurrencies)
				.param("fxRates", fxRates)
				.param("quoteDates", quoteDates)
				.param("railAmounts", railAmounts)
				.param("valueDates", valueDates.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Eligibility lets through only payouts without an active line: anything else
			// is an inconsistency to stop on, not a payout to drop silently.
			throw new IllegalStateException(
					"a payout already has an active batch line: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
