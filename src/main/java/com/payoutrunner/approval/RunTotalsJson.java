package com.payoutrunner.approval;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.core.Money;
import com.payoutrunner.preview.PreviewSummary;

/**
 * A run's totals as stored with its approval request and shown to approvers: the overall
 * gross, fees and net in the ceiling's currency, and the groups in the dry run's shape.
 */
class RunTotalsJson {

	private final JsonMapper json;

	RunTotalsJson(JsonMapper json) {
		this.json = json;
	}

	String write(RunTotals totals) {
		ObjectNode node = json.createObjectNode();
		node.put("currency", totals.gross().code());
		node.put("payouts", totals.payouts());
		node.put("gross", decimal(totals.gross()));
		node.put("fees", decimal(totals.fees()));
		node.put("net", decimal(totals.net()));
		PreviewSummary.addTotals(node.putArray("groups"), totals.rows());
		return json.writeValueAsString(node);
	}

	static String decimal(Money money) {
		return money.toDecimal().toPlainString();
	}

}
