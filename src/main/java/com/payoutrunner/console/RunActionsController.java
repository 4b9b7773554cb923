package com.payoutrunner.console;

import java.security.Principal;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.payoutrunner.approval.RunApprovalView;
import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.batching.ScheduledRun;

/**
 * Stop, restart and abandon from a run's page, with the API's rules ({@code POST
 * /api/runs/{id}/stop} and the others): each answers with the run's page and a message
 * saying what happened or why not.
 */
@Controller
class RunActionsController {

	private final ConsoleRuns runs;

	private final JobOperator jobOperator;

	private final RunLauncher launcher;

	private final PayoutRunOperations operations;

	private final RunApprovals approvals;

	RunActionsController(ConsoleRuns runs, JobOperator jobOperator, RunLauncher launcher,
			PayoutRunOperations operations, RunApprovals approvals) {
		this.runs = runs;
		this.jobOperator = jobOperator;
		this.launcher = launcher;
		this.operations = operations;
		this.approvals = approvals;
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes flash) throws Exception {
		JobExecution execution = execution(id);
		if (!execution.isRunning()) {
			return refused(id, "run " + id + " is " + execution.getStatus() + ", not running", flash);
		}
		jobOperator.stop(execution);
		return done(id, "Stopping: the run ends STOPPED at its next chunk boundary; restart resumes it.", flash);
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, Principal user, RedirectAttributes flash) throws Exception {
		JobExecution execution = execution(id);
		if (!ConsoleRuns.PAYOUT_RUN_JOB.equals(execution.getJobInstance().getJobName())
				|| (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED)) {
			return refused(id, "run " + id + " is " + execution.getStatus() + " and cannot be restarted here", flash);
		}
		var parameters = execution.getJobParameters();
		String event = parameters.getString(PayoutRunJobParameters.EVENT);
		var launch = launcher.launch(whenStarted -> event != null ? operations.restart(event, whenStarted)
				: operations.runSlot(ScheduledRun.fromJobParameters(parameters), user.getName(), whenStarted));
		if (launch.started() != null) {
			long restarted = launch.started().getId();
			return done(restarted, "Restarted as run " + restarted + ".", flash);
		}
		return done(id, launch.result().message(), flash);
	}

	@PostMapping("/runs/{id}/abandon")
	String abandon(@PathVariable long id, Principal user, RedirectAttributes flash) throws Exception {
		JobExecution execution = execution(id);
		if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
			return refused(id,
					"run " + id + " is " + execution.getStatus() + "; only a FAILED or STOPPED run can be abandoned",
					flash);
		}
		if (approvals.ofExecution(id).filter(RunApprovalView::isAwaiting).isPresent()) {
			return refused(id, "run " + id + " awaits approval: reject it to release its payouts", flash);
		}
		jobOperator.abandon(execution);
		approvals.withdrawIfNotPastTheGate(id, user.getName());
		return done(id, "Abandoned: it will not be restarted; a rerun pays what it left unpaid.", flash);
	}

	private JobExecution execution(long id) {
		runs.run(id)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND, "no run " + id));
		return runs.execution(id);
	}

	private static String done(long id, String message, RedirectAttributes flash) {
		flash.addFlashAttribute("message", message);
		return "redirect:/runs/" + id;
	}

	private static String refused(long id, String reason, RedirectAttributes flash) {
		flash.addFlashAttribute("problem", "Not done: " + reason + ".");
		return "redirect:/runs/" + id;
	}

}
