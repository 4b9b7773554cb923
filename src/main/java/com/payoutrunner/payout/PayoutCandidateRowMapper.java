package com.payoutrunner.payout;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;

import org.springframework.jdbc.core.RowMapper;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Money;

/**
 * Maps a row of {@link PayoutRepository#CANDIDATE_COLUMNS} to a {@link PayoutCandidate},
 * decrypting the account columns (stored encrypted, or plaintext from before encryption).
 */
public class PayoutCandidateRowMapper implements RowMapper<PayoutCandidate> {

	private final FieldCipher cipher;

	public PayoutCandidateRowMapper(FieldCipher cipher) {
		this.cipher = cipher;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	@Override
	public PayoutCandidate mapRow(ResultSet rs, int rowNum) throws SQLException {
		String currency = rs.getString("currency");
		long amountMinor = rs.getLong("amount_minor");
		Money amount = rs.wasNull() ? null : new Money(amountMinor, Currency.getInstance(currency));
		Date scheduled = rs.getDate("scheduled_date");
		return new PayoutCandidate(rs.getLong("id"), rs.getString("liquidation_event_id"), rs.getString("investor_id"),
				rs.getString("investor_name"), rs.getString("country"), rs.getString("payment_method"),
				cipher.decrypt(rs.getString("external_account_id")), amount, currency,
				rs.getBoolean("has_us_bank_account"), Priority.fromCode(rs.getString("priority")),
				new BankDetails(cipher.decrypt(rs.getString("iban")), rs.getString("bic"),
						cipher.decrypt(rs.getString("account_number")), rs.getString("routing_number"),
						rs.getString("sort_code")),
				scheduled == null ? null : scheduled.toLocalDate(), PayoutStatus.fromCode(rs.getString("status")),
				rs.getString("payment_order_id"), rs.getInt("failed_attempts"),
				instant(rs.getTimestamp("next_attempt_at")), agreedFee(rs));
	}

	private static PayoutCandidate.AgreedFee agreedFee(ResultSet rs) throws SQLException {
		long platform = rs.getLong("molam_fee_minor");
		if (rs.wasNull()) {
			return null;
		}
		return new PayoutCandidate.AgreedFee(platform, rs.getLong("bank_fee_minor"), rs.getString("fee_rule"));
	}

}
