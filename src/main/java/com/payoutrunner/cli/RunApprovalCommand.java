package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.RunSummaryService;

/** Decisions on a run that waits over the run ceiling. */
final class RunApprovalCommand {

	private RunApprovalCommand() {
	}

	/** Which run: an execution id (status, the API) or the event whose run waits. */
	static class Target {

		@Option(names = "--run", required = true, paramLabel = "ID",
				description = "the waiting run's execution id (see status)")
		Long run;

		@Option(names = "--event", required = true, paramLabel = "EVENT",
				description = "the liquidation event whose run awaits approval")
		String event;

	}

	abstract static class Base implements Callable<Integer> {

		RunApprovals runApprovals;

		RunSummaryService runSummaryService;

		/**
		 * The services it uses, from the context it starts (picocli made the command).
		 */
		@Autowired
		void use(RunApprovals runApprovals, RunSummaryService runSummaryService) {
			this.runApprovals = runApprovals;
			this.runSummaryService = runSummaryService;
		}

		@ArgGroup(exclusive = true, multiplicity = "1")
		Target target;

		@Mixin
		ByOption by;

		@Option(names = "--comment", paramLabel = "TEXT", description = "why, for the audit trail")
		String comment;

		@Override
		public Integer call() throws Exception {
			try (var context = SpringContext.start(this)) {
				RunApprovals approvals = runApprovals;
				long id = target.run != null ? target.run : approvals.awaitingExecutionOf(target.event);
				return decide(context, approvals, id);
			}
		}

		abstract int decide(ConfigurableApplicationContext context, RunApprovals approvals, long id) throws Exception;

	}

	@Command(name = "approve-run", mixinStandardHelpOptions = true, description = {
			"Approves a run waiting over the run ceiling (payout.approvals.run-ceiling). It needs two approvals",
			"by people other than its launcher; the last one resumes the run here, as restart does, and prints",
			"its progress and summary (exit code as run). Before that: exit 0 and how many approvals it has." })
	static class Approve extends Base {

		@Override
		int decide(ConfigurableApplicationContext context, RunApprovals approvals, long id) throws Exception {
			RunApprovals.Decision decision = approvals.approve(id, by.by, comment);
			if (!decision.approved()) {
				System.err.println("payout-runner: " + by.by + " approved run " + decision.runId() + " (execution " + id
						+ "): " + decision.approvals() + " of " + decision.required() + " approvals; it waits for "
						+ (decision.required() - decision.approvals()) + " more");
				return PayoutRunnerCli.COMPLETED;
			}
			System.err.println("payout-runner: " + by.by + " approved run " + decision.runId() + ": "
					+ decision.approvals() + " of " + decision.required() + " approvals; resuming it");
			return RunOutcomePrinter.print(runSummaryService, approvals.resume(id));
		}

	}

	@Command(name = "reject-run", mixinStandardHelpOptions = true,
			description = {
					"Rejects a run waiting over the run ceiling, for good: nothing of it is ever sent. Its lines are",
					"withdrawn and its payouts are pending again (a rerun pays them, after its own approval); the",
					"execution is ABANDONED with exit code REJECTED." })
	static class Reject extends Base {

		@Override
		int decide(ConfigurableApplicationContext context, RunApprovals approvals, long id) {
			RunApprovals.Decision decision = approvals.reject(id, by.by, comment);
			System.err.println("payout-runner: " + by.by + " rejected run " + decision.runId() + " (execution " + id
					+ "): nothing of it is sent; its payouts are pending again for a rerun");
			return PayoutRunnerCli.COMPLETED;
		}

	}

}
