package com.payoutrunner.connector;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;

import com.payoutrunner.connector.file.BankFileWriter;
import com.payoutrunner.core.FieldCipher;

/**
 * The submit step's reader: of the lines a run may send, those its bank APIs submit,
 * queued or left sending by a crash (lines routed to a bank file format are the file
 * step's). Lines change status as they are sent, so the reader keeps no state (process
 * indicator): a restart reads again whatever is still queued or sending. It pages by line
 * id, which the status changes do not disturb.
 */
public final class SubmittableLineReader {

	private static final String SUBMITTED_BY_A_BANK_API = """
			AND line_status IN ('queued', 'sending')
			AND connector <> ALL(CAST(:fileConnectors AS text[]))""";

	private SubmittableLineReader() {
	}

	/**
	 * The WHERE clause of the lines it reads, over {@link SubmittableLineRowMapper#FROM}.
	 */
	public static String where(String runLines) {
		return runLines + " " + SUBMITTED_BY_A_BANK_API;
	}

	/** The values of {@link #where}'s named parameters. */
	public static Map<String, Object> parameters(Map<String, Object> runLineParameters) {
		Map<String, Object> values = new HashMap<>(runLineParameters);
		values.put("fileConnectors", BankFileWriter.fileConnectors().toArray(String[]::new));
		return values;
	}

	/**
	 * @param runLines the WHERE clause naming the lines the run may send, over the
	 * columns of {@link SubmittableLineRowMapper#FROM} (the line's and its payout's)
	 * @param parameters the values of its named parameters
	 */
	public static JdbcPagingItemReader<SubmittableLine> of(DataSource dataSource, FieldCipher cipher, String runLines,
			Map<String, Object> parameters, int pageSize) throws Exception {
		return new JdbcPagingItemReaderBuilder<SubmittableLine>().name("submittableLineReader")
			.dataSource(dataSource)
			.selectClause("SELECT *")
			.fromClause(SubmittableLineRowMapper.FROM)
			.whereClause(where(runLines))
			.parameterValues(parameters(parameters))
			.sortKeys(Map.of(SubmittableLineRowMapper.SORT_KEY, Order.ASCENDING))
			.pageSize(pageSize)
			.rowMapper(new SubmittableLineRowMapper(cipher))
			.saveState(false)
			.build();
	}

}
