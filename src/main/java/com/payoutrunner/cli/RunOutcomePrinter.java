package com.payoutrunner.cli;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummary;
import com.payoutrunner.batching.RunSummaryService;

/**
 * Prints what a run operation did: a sentence on stderr, the summary JSON as the last
 * line on stdout.
 */
final class RunOutcomePrinter {

	private RunOutcomePrinter() {
	}

	static int print(RunSummaryService summaries, PayoutRunOperations.Result result) {
		System.err.println("payout-runner: " + result.message());
		JobExecution execution = result.execution();
		if (execution == null) {
			return PayoutRunnerCli.COMPLETED;
		}
		RunSummary summary = summaries.summarize(execution);
		System.out.println(summaries.toJson(summary));
		switch (result.outcome()) {
			case ALREADY_COMPLETED -> {
				return PayoutRunnerCli.COMPLETED;
			}
			case NOT_RESUMABLE -> {
				return PayoutRunnerCli.FAILED;
			}
			default -> {
			}
		}
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			if (summary.failed() + summary.unconfirmed() > 0) {
				System.err.println("payout-runner: " + summary.failed() + " submission(s) failed and "
						+ summary.unconfirmed() + " are unconfirmed; a rerun retries the failed ones and asks the bank "
						+ "about the unconfirmed ones");
			}
			return PayoutRunnerCli.COMPLETED;
		}
		String exitCode = execution.getExitStatus().getExitCode();
		if ("AWAITING_APPROVAL".equals(exitCode)) {
			System.err.println("payout-runner: execution " + execution.getId()
					+ " stopped before any file or bank call: " + execution.getExitStatus().getExitDescription()
					+ "; nothing was sent. Approve it with: approve-run" + " --run " + execution.getId()
					+ " --by NAME (it resumes on the last approval), or reject-run");
			return PayoutRunnerCli.FAILED;
		}
		String reason = execution.getAllFailureExceptions()
			.stream()
			.map(Failures::oneLine)
			.findFirst()
			.orElse(execution.getExitStatus().getExitDescription());
		System.err.println("payout-runner: execution " + execution.getId() + " " + execution.getStatus() + ": " + reason
				+ "; resume it with: restart --event " + execution.getJobParameters().getString("event"));
		return PayoutRunnerCli.FAILED;
	}

}
