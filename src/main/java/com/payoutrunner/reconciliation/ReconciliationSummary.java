package com.payoutrunner.reconciliation;

import java.nio.file.Path;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.DisplayPath;
import com.payoutrunner.reconciliation.ReconciliationRepository.StatementRow;

/** A statement's result from what was recorded, and its one-line JSON. */
@Component
class ReconciliationSummary {

	private final JsonMapper json;

	ReconciliationSummary(JsonMapper json) {
		this.json = json;
	}

	ReconciliationResult result(StatementRow statement, boolean alreadyApplied, int overdue, int unmatchedAfterDays,
			Path report) {
		if (alreadyApplied) {
			return new ReconciliationResult(statement.id(), statement.fileName(), statement.format(), true,
					statement.lines(), 0, 0, 0, 0, 0, 0, 0, overdue, unmatchedAfterDays, 0, 0, report,
					statement.deliveredBy(), 0, 0);
		}
		return new ReconciliationResult(statement.id(), statement.fileName(), statement.format(), false,
				statement.lines(), statement.matched(), statement.settled(), statement.settledForLess(),
				statement.returned(), statement.unmatched(), statement.rejected(), statement.ignored(), overdue,
				unmatchedAfterDays, statement.batchesSettled(), statement.batchesPartial(), report,
				statement.deliveredBy(), statement.needsReview(), statement.pendingConfirmation());
	}

	/** The one-line JSON summary, also printed last by the CLI. */
	public String toJson(ReconciliationResult result) {
		return json.writeValueAsString(json.createObjectNode()
			.put("statement_id", result.statementId())
			.put("statement", result.statement())
			.put("format", result.format())
			.put("status", result.alreadyApplied() ? "already_applied" : "applied")
			.put("delivered_by", result.deliveredBy())
			.put("lines", result.lines())
			.put("matched", result.matchedLines())
			.put("settled", result.settled())
			.put("settled_for_less", result.settledForLess())
			.put("returned", result.returned())
			.put("unmatched", result.unmatchedLines())
			.put("rejected", result.rejectedRows())
			.put("ignored", result.ignoredLines())
			.put("needs_review", result.needsReview())
			.put("pending_confirmation", result.pendingConfirmation())
			.put("overdue", result.overdue())
			.put("unmatched_after_days", result.unmatchedAfterDays())
			.put("batches_settled", result.batchesSettled())
			.put("batches_partial", result.batchesPartial())
			.put("report", DisplayPath.of(result.report())));
	}

}
