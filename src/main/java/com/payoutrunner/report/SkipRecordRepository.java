package com.payoutrunner.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.AccountMask;
import com.payoutrunner.core.FieldCipher;

/**
 * Skip records: one per payout a run skipped, written in the chunk transaction that
 * skipped it.
 */
@Repository
public class SkipRecordRepository {

	private static final String INSERT_ALL = """
			INSERT INTO skip_records (run_id, job_execution_id, step_name, payout_id, investor_id, category, reason,
			    masked_account)
			SELECT :runId, :jobExecutionId, :step, u.*
			FROM unnest(CAST(:payoutIds AS bigint[]), CAST(:investorIds AS text[]), CAST(:categories AS text[]),
			    CAST(:reasons AS text[]), CAST(:accounts AS text[]))
			    AS u(payout_id, investor_id, category, reason, masked_account)
			ON CONFLICT (run_id, payout_id, step_name) DO NOTHING""";

	private static final String BREAKDOWN = """
			SELECT category, count(*) AS skips FROM skip_records WHERE run_id = :runId
			GROUP BY category ORDER BY count(*) DESC, category""";

	/**
	 * The run's skips, then the payouts its submissions did not pay: failed or refused
	 * (by failure category, e.g. rate_limited) and still unconfirmed (in doubt).
	 */
	private static final String FOR_REPORT = """
			SELECT payout_id, investor_id, category, reason, step_name, masked_account, NULL AS account
			FROM skip_records WHERE run_id = :runId
			UNION ALL
			SELECT l.payout_id, p.investor_id,
			       CASE WHEN s.status IN ('sending', 'unknown') THEN 'unconfirmed' ELSE coalesce(s.reason_code, s.status) END,
			       coalesce(s.reason, 'no answer from the bank yet'), 'submitBatchLinesStep', NULL,
			       coalesce(p.iban, p.account_number)
			FROM payment_submissions s JOIN payout_batch_lines l ON l.id = s.batch_line_id
			JOIN payouts p ON p.id = l.payout_id
			WHERE s.run_id = :runId AND s.status <> 'accepted'
			ORDER BY 1, 5""";

	public record SkipRecord(long payoutId, String investorId, String category, String reason, String stepName,
			String maskedAccount) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public SkipRecordRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * Inserts a chunk's skips in one statement; a skip already recorded for the run is
	 * kept.
	 */
	public void insertAll(long runId, long jobExecutionId, String step, List<SkipRecord> skipped) {
		if (skipped.isEmpty()) {
			return;
		}
		jdbc.sql(INSERT_ALL)
			.param("runId", runId)
			.param("jobExecutionId", jobExecutionId)
			.param("step", step)
			.param("payoutIds", skipped.stream().map(SkipRecord::payoutId).toArray(Long[]::new))
			.param("investorIds", skipped.stream().map(SkipRecord::investorId).toArray(String[]::new))
			.param("categories", skipped.stream().map(SkipRecord::category).toArray(String[]::new))
			// reasons may quote a cell (a payment method), which a shifted row may have
			// filled with an account
			.param("reasons",
					skipped.stream().map(skip -> AccountMask.maskWithin(skip.reason())).toArray(String[]::new))
			.param("accounts", skipped.stream().map(SkipRecord::maskedAccount).toArray(String[]::new))
			.update();
	}

	/** How many payouts each of these runs skipped (runs without skips are absent). */
	public Map<Long, Long> skippedPerRun(Collection<Long> runIds) {
		Map<Long, Long> skipped = new HashMap<>();
		if (runIds.isEmpty()) {
			return skipped;
		}
		jdbc.sql("SELECT run_id, count(*) AS skips FROM skip_records WHERE run_id IN (:runIds) GROUP BY run_id")
			.param("runIds", runIds)
			.query(rs -> {
				skipped.put(rs.getLong("run_id"), rs.getLong("skips"));
			});
		return skipped;
	}

	/** Skips of a run by category, largest first. */
	public Map<String, Long> breakdown(long runId) {
		Map<String, Long> breakdown = new LinkedHashMap<>();
		jdbc.sql(BREAKDOWN).param("runId", runId).query(rs -> {
			breakdown.put(rs.getString("category"), rs.getLong("skips"));
		});
		return breakdown;
	}

	/**
	 * Streams a run's skips ordered by payout: constant memory, however many there are.
	 */
	public void forEach(long runId, Consumer<SkipRecord> consumer) {
		jdbc.sql(FOR_REPORT).param("runId", runId).withFetchSize(1000).query(rs -> {
			consumer.accept(new SkipRecord(rs.getLong("payout_id"), rs.getString("investor_id"),
					rs.getString("category"), rs.getString("reason"), rs.getString("step_name"),
					rs.getString("masked_account") != null ? rs.getString("masked_account")
							: AccountMask.mask(cipher.decrypt(rs.getString("account")))));
		});
	}

}
