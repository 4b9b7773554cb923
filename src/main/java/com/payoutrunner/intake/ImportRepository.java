package com.payoutrunner.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Fingerprints;

/** Stores imported payouts (one statement per chunk) and import errors. */
@Repository
class ImportRepository {

	private static final String INSERT_PAYOUTS = """
			INSERT INTO payouts (liquidation_event_id, investor_id, investor_name, country, payment_method,
			    external_account_id, amount_minor, currency, has_us_bank_account, priority, iban, bic, account_number,
			    routing_number, sort_code, scheduled_date, source_line, source_fingerprint, import_job_instance_id)
			SELECT :event, u.*, :runId
			FROM unnest(CAST(:investorIds AS text[]), CAST(:names AS text[]), CAST(:countries AS text[]),
			    CAST(:methods AS text[]), CAST(:accounts AS text[]), CAST(:amounts AS bigint[]),
			    CAST(:currencies AS text[]), CAST(:usBank AS boolean[]), CAST(:priorities AS text[]),
			    CAST(:ibans AS text[]), CAST(:bics AS text[]), CAST(:accountNumbers AS text[]),
			    CAST(:routingNumbers AS text[]), CAST(:sortCodes AS text[]), CAST(:scheduledDates AS date[]),
			    CAST(:lines AS bigint[]), CAST(:fingerprints AS text[])) AS u
			ON CONFLICT (liquidation_event_id, investor_id) DO NOTHING
			RETURNING investor_id""";

	private static final String STORED = """
			SELECT investor_id, source_line, source_fingerprint, import_job_instance_id, amount_minor, currency
			FROM payouts WHERE liquidation_event_id = :event AND investor_id = ANY(CAST(:investorIds AS text[]))""";

	private static final String INSERT_ERROR = """
			INSERT INTO import_errors (run_id, job_execution_id, liquidation_event_id, line_number, column_name, category,
			    reason)
			VALUES (:runId, :jobExecutionId, :event, :line, :column, :category, :reason)
			ON CONFLICT (run_id, line_number) DO NOTHING""";

	/** What is stored for an investor of the event. */
	public record StoredPayout(String investorId, Long sourceLine, String sourceFingerprint, Long importJobInstanceId,
			Long amountMinor, String currency) {
	}

	/** A row error as reported. */
	public record ImportError(long lineNumber, String columnName, String category, String reason) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Fingerprints fingerprints;

	public ImportRepository(JdbcClient jdbc, FieldCipher cipher, Fingerprints fingerprints) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.fingerprints = fingerprints;
	}

	/**
	 * Inserts the rows whose investor is not stored yet; returns the investor ids
	 * inserted.
	 */
	public List<String> insertNew(String event, long runId, List<ImportedPayout> rows) {
		int n = rows.size();
		String[] investorIds = new String[n], names = new String[n], countries = new String[n], methods = new String[n],
				accounts = new String[n], currencies = new String[n], priorities = new String[n], ibans = new String[n],
				bics = new String[n], accountNumbers = new String[n], routingNumbers = new String[n],
				sortCodes = new String[n], rowFingerprints = new String[n];
		Long[] amounts = new Long[n], lines = new Long[n];
		Boolean[] usBank = new Boolean[n];
		java.sql.Date[] scheduled = new java.sql.Date[n];
		for (int i = 0; i < n; i++) {
			ImportedPayout r = rows.get(i);
			investorIds[i] = r.investorId();
			names[i] = r.investorName();
			countries[i] = r.country();
			methods[i] = r.paymentMethod();
			accounts[i] = r.externalAccountId();
			amounts[i] = r.amount() == null ? null : r.amount().minorUnits();
			currencies[i] = r.currency();
			usBank[i] = r.hasUsBankAccount();
			priorities[i] = r.priority().code();
			ibans[i] = cipher.encrypt(r.bank().iban());
			bics[i] = r.bank().bic();
			accountNumbers[i] = cipher.encrypt(r.bank().accountNumber());
			routingNumbers[i] = r.bank().routingNumber();
			sortCodes[i] = r.bank().sortCode();
			scheduled[i] = r.scheduledDate() == null ? null : java.sql.Date.valueOf(r.scheduledDate());
			lines[i] = r.line();
			rowFingerprints[i] = fingerprints.of(canonical(r));
		}
		return jdbc.sql(INSERT_PAYOUTS)
			.param("event", event)
			.param("runId", runId)
			.param("investorIds", investorIds)
			.param("names", names)
			.param("countries", countries)
			.param("methods", methods)
			.param("accounts", accounts)
			.param("amounts", amounts)
			.param("currencies", currencies)
			.param("usBank", usBank)
			.param("priorities", priorities)
			.param("ibans", ibans)
			.param("bics", bics)
			.param("accountNumbers", accountNumbers)
			.param("routingNumbers", routingNumbers)
			.param("sortCodes", sortCodes)
			.param("scheduledDates", scheduled)
			.param("lines", lines)
			.param("fingerprints", rowFingerprints)
			.query(String.class)
			.list();
	}

	public Map<String, StoredPayout> stored(String event, List<String> investorIds) {
		Map<String, StoredPayout> stored = new HashMap<>();
		jdbc.sql(STORED)
			.param("event", event)
			.param("investorIds", investorIds.toArray(String[]::new))
			.query(StoredPayout.class)
			.list()
			.forEach(p -> stored.put(p.investorId(), p));
		return stored;
	}

	public void insertError(long runId, long jobExecutionId, String event, ImportError error) {
		jdbc.sql(INSERT_ERROR)
			.param("runId", runId)
			.param("jobExecutionId", jobExecutionId)
			.param("event", event)
			.param("line", error.lineNumber())
			.param("column", error.columnName())
			.param("category", error.category())
			.param("reason", error.reason())
			.update();
	}

	/**
	 * Streams a run's row errors by line: constant memory however many there are, when
	 * called in a transaction (outside one the PostgreSQL driver ignores the fetch size).
	 */
	public void forEachError(long runId, Consumer<ImportError> consumer) {
		jdbc.sql("""
				SELECT line_number, column_name, category, reason FROM import_errors WHERE run_id = :runId
				ORDER BY line_number""").param("runId", runId).withFetchSize(1000).query(rs -> {
			consumer.accept(new ImportError(rs.getLong("line_number"), rs.getString("column_name"),
					rs.getString("category"), rs.getString("reason")));
		});
	}

	/**
	 * Whether the row is the one stored for its investor: the same fingerprint, keyed or
	 * (stored before fingerprints were keyed) a plain SHA-256.
	 */
	public boolean isUnchanged(ImportedPayout row, StoredPayout stored) {
		return fingerprints.matches(stored.sourceFingerprint(), canonical(row));
	}

	/**
	 * Everything the file says about the payout, so that "the same row again" is
	 * recognised exactly; stored as its keyed fingerprint, since it holds the account.
	 * Made from the plaintext, so it stays stable although the stored account columns are
	 * encrypted under a random IV each time.
	 */
	static String canonical(ImportedPayout r) {
		return String.join("\u001f", r.investorName(), String.valueOf(r.country()), String.valueOf(r.paymentMethod()),
				String.valueOf(r.externalAccountId()),
				r.amount() == null ? "null" : Long.toString(r.amount().minorUnits()), r.currency(),
				Boolean.toString(r.hasUsBankAccount()), r.priority().code(), String.valueOf(r.bank().iban()),
				String.valueOf(r.bank().bic()), String.valueOf(r.bank().accountNumber()),
				String.valueOf(r.bank().routingNumber()), String.valueOf(r.bank().sortCode()),
				String.valueOf(r.scheduledDate()));
	}

}
