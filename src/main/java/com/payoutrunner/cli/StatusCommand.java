package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.approval.RunApprovalView;
import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.report.ExecutionHistory;

@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Lists the event's import and run executions with their status and per-step counts.")
class StatusCommand implements Callable<Integer> {

	ExecutionHistory executionHistory;

	RunApprovals runApprovals;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(ExecutionHistory executionHistory, RunApprovals runApprovals) {
		this.executionHistory = executionHistory;
		this.runApprovals = runApprovals;
	}

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.startWithoutJobs(this)) {
			var executions = executionHistory.executionsOf(event.event);
			var approvals = runApprovals;
			if (executions.isEmpty()) {
				System.out.println("no executions for event " + event.event);
			}
			for (var e : executions) {
				System.out.printf("execution %d  %s  run %d%s  %s  %s -> %s%n", e.jobExecutionId(), e.jobName(),
						e.jobInstanceId(), e.rerun() == null ? "" : " (rerun " + e.rerun() + ")", e.status(),
						e.startTime(), e.endTime() == null ? "-" : e.endTime());
				for (var s : e.steps()) {
					System.out.printf("    %-22s %-9s read %d, written %d, skipped %d, filtered %d%n", s.stepName(),
							s.status(), s.readCount(), s.writeCount(), s.skipCount(), s.filterCount());
					for (var p : s.partitions()) {
						System.out.printf("      %-20s %-9s read %d, written %d, skipped %d  worker %s%n", p.name(),
								p.status(), p.readCount(), p.writeCount(), p.skipCount(),
								p.worker().isEmpty() ? "-" : p.worker());
					}
				}
				approvals.ofExecution(e.jobExecutionId()).ifPresent(approval -> printApproval(approval));
				if (e.exitMessage() != null && !e.exitMessage().isBlank() && !"COMPLETED".equals(e.status())) {
					System.out.println("    reason: " + e.exitMessage().lines().findFirst().orElse(""));
				}
			}
			return PayoutRunnerCli.COMPLETED;
		}
	}

	private static void printApproval(RunApprovalView approval) {
		System.out.println("    " + approval.describe());
		var totals = approval.totals();
		System.out.printf("    totals: %d payouts, gross %s, fees %s, net %s %s%n", totals.path("payouts").asLong(),
				totals.path("gross").asString(), totals.path("fees").asString(), totals.path("net").asString(),
				totals.path("currency").asString());
		for (var group : totals.path("groups")) {
			System.out.printf("      %-8s %s via %-18s %s: %d payouts, gross %s, fees %s, net %s, rail amount %s%n",
					group.path("rail").asString(), group.path("rail_currency").asString(),
					group.path("connector").asString(), group.path("currency").asString(),
					group.path("payouts").asLong(), group.path("gross").asString(), group.path("fees").asString(),
					group.path("net").asString(), group.path("rail_amount").asString());
		}
	}

}
