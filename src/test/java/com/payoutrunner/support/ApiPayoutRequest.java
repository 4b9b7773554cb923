package com.payoutrunner.support;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.requests.PayoutCreation;

/**
 * A payout request as another system sends it to {@code POST /api/payouts}:
 * {@code anApiPayout(entity, module).amount("250.00").createWith(creation, json)}. EUR to
 * a Portuguese IBAN unless told otherwise; a fresh idempotency key each time.
 */
public final class ApiPayoutRequest {

	private final UUID entity;

	private final String module;

	private String amount = "100.00";

	private String iban = "PT50000201231234567890154";

	private String country = "PT";

	private Instant scheduledRun;

	private String externalAccountId;

	private ApiPayoutRequest(UUID entity, String module) {
		this.entity = entity;
		this.module = module;
	}

	public static ApiPayoutRequest anApiPayout(UUID entity, String module) {
		return new ApiPayoutRequest(entity, module);
	}

	public ApiPayoutRequest amount(String amount) {
		this.amount = amount;
		return this;
	}

	public ApiPayoutRequest to(String iban, String country) {
		this.iban = iban;
		this.country = country;
		return this;
	}

	/** Addressed by the provider's external account alone (no IBAN). */
	public ApiPayoutRequest toExternalAccount(String externalAccountId, String country) {
		this.externalAccountId = externalAccountId;
		this.iban = null;
		this.country = country;
		return this;
	}

	public ApiPayoutRequest scheduledRun(Instant scheduledRun) {
		this.scheduledRun = scheduledRun;
		return this;
	}

	public ObjectNode toJson(JsonMapper json) {
		ObjectNode body = json.createObjectNode()
			.put("origin_module", module)
			.put("origin_entity_id", entity.toString())
			.put("currency", "EUR")
			.put("amount", amount);
		ObjectNode beneficiary = body.putObject("beneficiary").put("account_name", "Ana Souza").put("country", country);
		if (iban != null) {
			beneficiary.put("iban", iban);
		}
		if (externalAccountId != null) {
			beneficiary.put("external_account_id", externalAccountId);
		}
		if (scheduledRun != null) {
			body.put("scheduled_run", scheduledRun.toString());
		}
		return body;
	}

	/** Created as the API would, by {@code api:test}; returns the payout's id. */
	public long createWith(PayoutCreation creation, JsonMapper json) {
		return creation.create(UUID.randomUUID().toString(), toJson(json), "api:test").payoutId();
	}

}
