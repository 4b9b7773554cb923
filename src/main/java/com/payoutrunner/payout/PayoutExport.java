package com.payoutrunner.payout;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Currency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.payoutrunner.core.AccountMask;
import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Money;

/**
 * An event's payouts as CSV, streamed in id order, with the pricing and routing of each
 * payout's latest batch line. Accounts are masked.
 */
@Component
public class PayoutExport {

	static final String[] HEADER = { "payout_id", "investor_id", "investor_name", "country", "amount", "currency",
			"rail", "rail_currency", "fx", "fx_quote_date", "fee", "net_amount", "rail_amount", "status", "skip_reason",
			"payment_order_id", "account" };

	private static final String QUERY = """
			SELECT p.id, p.investor_id, p.investor_name, p.country, p.amount_minor, p.currency, p.status,
			       p.skip_reason, p.payment_order_id, coalesce(p.iban, p.account_number) AS account,
			       l.rail, l.rail_currency, l.fx_rate, l.fx_quote_date, l.fee_minor, l.net_minor, l.rail_amount_minor
			FROM payouts p
			LEFT JOIN LATERAL (SELECT * FROM payout_batch_lines WHERE payout_id = p.id ORDER BY id DESC LIMIT 1) l
			       ON true
			WHERE p.liquidation_event_id = :event
			ORDER BY p.id""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public PayoutExport(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * Streams in a read-only transaction: outside one, the PostgreSQL driver ignores the
	 * fetch size and loads the whole result into memory.
	 * @return the number of payouts written
	 */
	@Transactional(readOnly = true)
	public long write(String event, Appendable out) {
		CsvOutput csv = CsvOutput.withHeader(out, HEADER);
		jdbc.sql(QUERY).param("event", event).withFetchSize(1000).query(rs -> {
			csv.row(row(rs));
		});
		return csv.finish();
	}

	private Object[] row(ResultSet rs) throws SQLException {
		String currency = rs.getString("currency");
		String railCurrency = rs.getString("rail_currency");
		BigDecimal fx = rs.getBigDecimal("fx_rate");
		return new Object[] { rs.getLong("id"), rs.getString("investor_id"), rs.getString("investor_name"),
				rs.getString("country"), money(rs, "amount_minor", currency), currency, rs.getString("rail"),
				railCurrency, fx == null ? null : fx.stripTrailingZeros().toPlainString(), rs.getDate("fx_quote_date"),
				money(rs, "fee_minor", currency), money(rs, "net_minor", currency),
				money(rs, "rail_amount_minor", railCurrency), rs.getString("status"), rs.getString("skip_reason"),
				rs.getString("payment_order_id"), AccountMask.mask(cipher.decrypt(rs.getString("account"))) };
	}

	private static String money(ResultSet rs, String column, String currency) throws SQLException {
		long minor = rs.getLong(column);
		if (rs.wasNull() || currency == null) {
			return null;
		}
		return new Money(minor, Currency.getInstance(currency)).toDecimal().toPlainString();
	}

}
