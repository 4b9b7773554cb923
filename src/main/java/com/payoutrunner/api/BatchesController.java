package com.payoutrunner.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.payoutrunner.batching.PayoutBatchQueries;

/**
 * Payout batches, newest first: what each held, what the bank accepted, the success rate,
 * and a file batch's file in the outbox.
 */
@RestController
@RequestMapping("/api/batches")
class BatchesController {

	private final PayoutBatchQueries batches;

	BatchesController(PayoutBatchQueries batches) {
		this.batches = batches;
	}

	@GetMapping
	List<Map<String, Object>> batches(@RequestParam(name = "run_id", required = false) Long runId,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be 1 to 500");
		}
		return batches.batches(runId, limit).stream().map(BatchesController::json).toList();
	}

	private static Map<String, Object> json(PayoutBatchQueries.BatchView view) {
		Map<String, Object> batch = new LinkedHashMap<>();
		batch.put("id", view.id());
		batch.put("reference", view.reference());
		batch.put("run_id", view.runId());
		batch.put("rail", view.rail());
		batch.put("currency", view.currency());
		batch.put("connector", view.connector());
		batch.put("created_at", view.createdAt().toString());
		batch.put("lines", view.lines());
		batch.put("accepted", view.accepted());
		batch.put("failed", view.failed());
		batch.put("open", view.open());
		batch.put("amount", view.amount().toDecimal().toPlainString());
		batch.put("accepted_amount", view.acceptedAmount().toDecimal().toPlainString());
		batch.put("success_rate", view.successRate());
		batch.put("bank_file", view.bankFile());
		return batch;
	}

}
