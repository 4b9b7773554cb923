package com.payoutrunner.preview;

import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutCandidateRowMapper;
import com.payoutrunner.batching.RunSelection;
import com.payoutrunner.payout.PayoutRepository;

/**
 * Streams an event's payouts as the run reads them: the columns, filter, order and row
 * mapper of the run's {@code eligiblePayoutReader} (every payout of the event, by id).
 * One cursor instead of pages: a single statement sees one snapshot, so a preview taken
 * while a run is writing still adds up, and it needs no fresh planner statistics.
 */
@Repository
class PreviewPayoutReader {

	/**
	 * The run's own selection of an event's payouts, so that the two never drift apart.
	 */
	private static final RunSelection SELECTION = RunSelection.ofEvent("event");

	private static final String EVENT_PAYOUTS = "SELECT " + PayoutRepository.CANDIDATE_COLUMNS + " FROM payouts "
			+ SELECTION.whereClause() + " ORDER BY id";

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	PreviewPayoutReader(JdbcClient jdbc, FieldCipher cipher) {
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	/**
	 * Streams in a read-only transaction: outside one, the PostgreSQL driver ignores the
	 * fetch size and loads the whole result into memory; and inside it the database
	 * itself refuses any write.
	 * @return the number of payouts read
	 */
	@Transactional(readOnly = true)
	public long forEach(String event, Consumer<PayoutCandidate> consumer) {
		PayoutCandidateRowMapper mapper = new PayoutCandidateRowMapper(cipher);
		long[] rows = { 0 };
		jdbc.sql(EVENT_PAYOUTS).param("event", event).withFetchSize(FETCH_SIZE).query(rs -> {
			consumer.accept(mapper.mapRow(rs, (int) rows[0]));
			rows[0]++;
		});
		return rows[0];
	}

}
