package com.payoutrunner.connector.file;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.connector.SubmittableLineRowMapper;
import com.payoutrunner.core.FieldCipher;

/** The batches of a run that go to the bank as files, and their lines. */
@Repository
class BankFileRepository {

	private static final String OPEN_BATCHES = """
			SELECT b.id, b.reference, b.connector, b.created_at
			FROM payout_batches b
			WHERE b.run_id = :runId AND b.connector = ANY(CAST(:connectors AS text[]))
			  AND EXISTS (SELECT 1 FROM payout_batch_lines l WHERE l.batch_id = b.id AND l.status IN ('queued', 'sending'))
			ORDER BY b.id""";

	private static final String LINES = """
			SELECT lines.*, p.scheduled_date, p.created_at AS payout_created_at
			""" + SubmittableLineRowMapper.FROM + """
			 JOIN payouts p ON p.id = lines.payout_id
			WHERE lines.batch_id = :batchId AND lines.line_status = ANY(CAST(:statuses AS text[]))
			ORDER BY lines.line_id""";

	/** A batch of one run whose connector is a file format. */
	public record FileBatch(long id, String reference, BankFileFormat format, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public BankFileRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.cipher = cipher;
		this.jdbc = jdbc;
	}

	/**
	 * The run's file batches with lines not yet in a file (queued) or not yet recorded as
	 * filed (sending).
	 */
	public List<FileBatch> openBatches(long runId, Collection<String> fileConnectors) {
		return jdbc.sql(OPEN_BATCHES)
			.param("runId", runId)
			.param("connectors", fileConnectors.toArray(String[]::new))
			.query((rs, n) -> new FileBatch(rs.getLong("id"), rs.getString("reference"),
					BankFileFormat.forConnector(rs.getString("connector")).orElseThrow(),
					rs.getObject("created_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
			.list();
	}

	public List<BankFileLine> lines(long batchId, String... statuses) {
		SubmittableLineRowMapper lineMapper = new SubmittableLineRowMapper(cipher);
		return jdbc.sql(LINES)
			.param("batchId", batchId)
			.param("statuses", statuses)
			.query((rs, n) -> new BankFileLine(lineMapper.mapRow(rs, n),
					rs.getObject("scheduled_date", LocalDate.class),
					rs.getObject("payout_created_at", OffsetDateTime.class)
						.withOffsetSameInstant(ZoneOffset.UTC)
						.toLocalDate()))
			.list();
	}

}
