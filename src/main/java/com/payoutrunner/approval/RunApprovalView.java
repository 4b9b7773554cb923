package com.payoutrunner.approval;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A run's approval request as operators and approvers see it: who launched the run, the
 * ceiling it went over, its totals (overall in the ceiling's currency, and per rail, rail
 * currency, connector and payout currency), and the decisions so far. {@code id} is the
 * job execution that asked (what /api/runs/{id} and {@code approve-run --run} take).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RunApprovalView(long id, long runId, String event, String schedule, String slot, String status,
		String launchedBy, int approvalsRequired, long approvals, List<Decision> decisions, String ceiling,
		String total, JsonNode totals, Instant requestedAt, Instant decidedAt) {

	/** One person's decision. */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Decision(String by, String decision, String comment, Instant at) {
	}

	public boolean isAwaiting() {
		return "awaiting".equals(status);
	}

	/** One line for the command line. */
	public String describe() {
		String who = decisions.isEmpty() ? "no decision yet"
				: String.join(", ",
						decisions.stream()
							.map(d -> ("approve".equals(d.decision()) ? "approved" : "rejected") + " by " + d.by())
							.toList());
		return "approval " + status + ": " + approvals + " of " + approvalsRequired + " approvals (" + who
				+ "); launched by " + launchedBy + "; total " + total + " over the run ceiling " + ceiling;
	}

}
