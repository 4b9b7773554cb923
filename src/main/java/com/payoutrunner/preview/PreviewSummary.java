package com.payoutrunner.preview;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a preview found, printed as the last line of a dry run and saved as
 * preview-summary.json. {@code latestRunStatus} is the status of the event's latest run
 * (null when it never ran): after COMPLETED, {@code run} does nothing and the preview
 * shows what {@code rerun} would pay.
 */
public record PreviewSummary(String event, LocalDate businessDate, String latestRunStatus, long payouts, long wouldPay,
		long wouldSkip, long alreadyQueued, Map<String, Long> skipBreakdown, List<PreviewTotals.Row> totals,
		String preview, String previewTotals) {

	public PreviewSummary {
		skipBreakdown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(skipBreakdown));
		totals = List.copyOf(totals);
	}

	/** One line of JSON, keys in this order; amounts as decimal strings (exact). */
	public String toJson(JsonMapper json) {
		ObjectNode node = json.createObjectNode();
		node.put("event", event);
		node.put("dry_run", true);
		node.put("business_date", businessDate.toString());
		node.put("latest_run_status", latestRunStatus);
		node.put("payouts", payouts);
		node.put("would_pay", wouldPay);
		node.put("would_skip", wouldSkip);
		node.put("already_queued", alreadyQueued);
		ObjectNode breakdown = node.putObject("skip_breakdown");
		skipBreakdown.forEach(breakdown::put);
		addTotals(node.putArray("totals"), totals);
		node.put("preview", preview);
		node.put("preview_totals", previewTotals);
		return json.writeValueAsString(node);
	}

	/**
	 * The groups as JSON objects, amounts as decimal strings: the shape of a preview's
	 * and a run approval request's totals.
	 */
	public static void addTotals(ArrayNode rows, List<PreviewTotals.Row> totals) {
		for (PreviewTotals.Row row : totals) {
			ObjectNode total = rows.addObject();
			total.put("rail", row.key().rail());
			total.put("rail_currency", row.key().railCurrency());
			total.put("connector", row.key().connector());
			total.put("currency", row.key().currency());
			total.put("payouts", row.payouts());
			total.put("gross", PreviewCsv.decimal(row.gross()));
			total.put("fees", PreviewCsv.decimal(row.fees()));
			total.put("net", PreviewCsv.decimal(row.net()));
			total.put("rail_amount", PreviewCsv.decimal(row.railAmount()));
		}
	}

}
