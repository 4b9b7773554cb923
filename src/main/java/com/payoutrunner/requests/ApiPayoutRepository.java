package com.payoutrunner.requests;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Money;
import com.payoutrunner.fees.Fee;
import com.payoutrunner.payout.PayoutStatus;

/** Payouts created through the API: stored once per idempotency key. */
@Repository
class ApiPayoutRepository {

	/**
	 * The row the run reads like any other payout: addressed by the external account or
	 * the coordinates given, the rail chosen by country, investor_id the client's key.
	 */
	private static final String INSERT = """
			INSERT INTO payouts (external_id, request_sha256, origin_module, origin_entity_id, investor_id,
			    investor_name, country, payment_method, external_account_id, amount_minor, currency, priority, iban, bic,
			    account_number, routing_number, sort_code, scheduled_date, scheduled_at, molam_fee_minor, bank_fee_minor,
			    net_minor, fee_rule, metadata, created_by, status)
			VALUES (:key, :fingerprint, :module, :entity, :key, :name, :country, 'Wire', :account, :amount, :currency,
			    :priority, :iban, :bic, :accountNumber, :routing, :sortCode, CAST(:scheduledDate AS date), :scheduledAt,
			    :molamFee, :bankFee, :net, :feeRule, CAST(:metadata AS jsonb), :createdBy, :status)
			ON CONFLICT (external_id) DO NOTHING
			RETURNING id""";

	/**
	 * A stored request under a key: its payout and fingerprint (keyed, or a legacy plain
	 * SHA-256).
	 */
	record Stored(long id, String fingerprint) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	ApiPayoutRepository(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	Optional<Long> insert(String key, String fingerprint, PayoutRequest request, Fee fee, Money net, String createdBy,
			PayoutStatus status) {
		var beneficiary = request.beneficiary();
		boolean us = "US".equals(beneficiary.country());
		boolean gb = "GB".equals(beneficiary.country());
		return jdbc.sql(INSERT)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.param("module", request.originModule())
			.param("entity", request.originEntityId())
			.param("name", beneficiary.accountName())
			.param("country", beneficiary.country())
			// The provider's account id when given; none for a beneficiary given by
			// coordinates (sent inline to a bank API). Encrypted like the accounts, as
			// rows from before held the account itself here.
			.param("account", cipher.encrypt(beneficiary.externalAccountId()))
			.param("amount", request.amount().minorUnits())
			.param("currency", request.amount().code())
			.param("priority", request.priority().code())
			.param("iban", cipher.encrypt(beneficiary.iban()))
			.param("bic", beneficiary.bic())
			.param("accountNumber", cipher.encrypt(beneficiary.accountNumber()))
			.param("routing", us ? beneficiary.bankCode() : null)
			.param("sortCode", gb ? beneficiary.bankCode() : null)
			.param("scheduledDate",
					request.scheduledRun() == null ? null
							: request.scheduledRun().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString())
			.param("scheduledAt", request.scheduledRun() == null ? null : Timestamp.from(request.scheduledRun()))
			.param("molamFee", fee.percentagePart().minorUnits())
			.param("bankFee", fee.fixedPart().minorUnits())
			.param("net", net.minorUnits())
			.param("feeRule", fee.rule())
			.param("metadata", request.metadataJson())
			.param("createdBy", createdBy)
			.param("status", status.code())
			.query(Long.class)
			.optional();
	}

	Optional<Stored> findByKey(String key) {
		return jdbc.sql("SELECT id, request_sha256 FROM payouts WHERE external_id = :key")
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2)))
			.optional();
	}

}
