package com.payoutrunner.connector;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON body of a payment order once, when its submission is first saved. Field
 * order is fixed, so the same line always yields the same bytes.
 */
public class PaymentOrderBodies {

	private final JsonMapper json;

	public PaymentOrderBodies(JsonMapper json) {
		this.json = json;
	}

	public String bodyOf(SubmittableLine line) {
		ObjectNode order = json.createObjectNode();
		order.put("idempotency_key", line.idempotencyKey().toString());
		order.put("reference", line.reference());
		order.put("batch", line.batchReference());
		order.put("rail", line.rail());
		order.put("amount_minor", line.railAmount().minorUnits());
		order.put("currency", line.railAmount().code());
		if (line.valueDate() != null) {
			order.put("value_date", line.valueDate().toString());
		}
		ObjectNode beneficiary = order.putObject("beneficiary");
		beneficiary.put("name", line.beneficiaryName());
		beneficiary.put("country", line.country());
		// The bank API's own address of the beneficiary; coordinates, when known, go
		// along.
		beneficiary.put("external_account_id", line.externalAccountId());
		beneficiary.put("iban", line.bank().iban());
		beneficiary.put("bic", line.bank().bic());
		beneficiary.put("account_number", line.bank().accountNumber());
		beneficiary.put("routing_number", line.bank().routingNumber());
		beneficiary.put("sort_code", line.bank().sortCode());
		return json.writeValueAsString(order);
	}

}
