package com.payoutrunner.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.BankDetails;

/**
 * Reads a line to submit together with the beneficiary details of its payout and its
 * batch reference.
 */
public class SubmittableLineRowMapper implements RowMapper<SubmittableLine> {

	/**
	 * A derived table, so that the sort key has a plain column name ({@code line_id}):
	 * Spring Batch's paging reader reads the sort key back by that name. PostgreSQL
	 * flattens it, so the filters still use the indexes.
	 */
	public static final String FROM = """
			FROM (SELECT l.id AS line_id, l.run_id AS line_run_id, l.batch_id, l.payout_id, l.idempotency_key, l.status AS line_status, l.rail, l.value_date,
			             l.rail_amount_minor, l.rail_currency, b.reference AS batch_reference, b.connector,
			             p.liquidation_event_id, p.status, p.priority, p.currency, p.origin_module, p.investor_id,
			             p.investor_name, p.country, p.external_account_id, p.iban, p.bic, p.account_number, p.routing_number, p.sort_code
			      FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id
			      JOIN payout_batches b ON b.id = l.batch_id) AS lines""";

	public static final String SORT_KEY = "line_id";

	private final FieldCipher cipher;

	/**
	 * @param cipher decrypts the account columns (legacy plaintext passes through)
	 */
	public SubmittableLineRowMapper(FieldCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public SubmittableLine mapRow(ResultSet rs, int rowNum) throws SQLException {
		String iban = cipher.decrypt(rs.getString("iban"));
		String accountNumber = cipher.decrypt(rs.getString("account_number"));
		String external = cipher.decrypt(rs.getString("external_account_id"));
		if (external != null && (external.equals(iban) || external.equals(accountNumber))) {
			// API payouts stored before beneficiaries could name an external account kept
			// the account itself here: it is not the provider's id, never send it as one.
			external = null;
		}
		return new SubmittableLine(rs.getLong("line_id"), rs.getLong("payout_id"),
				rs.getObject("idempotency_key", UUID.class), rs.getString("line_status"),
				rs.getString("liquidation_event_id") + "/" + rs.getString("investor_id"),
				rs.getString("batch_reference"), rs.getString("connector"), rs.getString("rail"),
				Money.ofMinor(rs.getLong("rail_amount_minor"), rs.getString("rail_currency")),
				rs.getString("investor_name"), rs.getString("country"), external, new BankDetails(iban,
						rs.getString("bic"), accountNumber, rs.getString("routing_number"), rs.getString("sort_code")),
				rs.getObject("value_date", java.time.LocalDate.class));
	}

}
