package com.payoutrunner.approval;

import java.time.Clock;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.RunContext;
import com.payoutrunner.routing.FxConverter;

/**
 * {@code awaitRunApprovalStep}: between building a run's lines and any bank file or bank
 * call. A run whose lines add up to more than the run ceiling (gross, converted into the
 * ceiling's currency) records an approval request with its totals, in the step's
 * transaction, and stops the job (STOPPED, exit code {@code AWAITING_APPROVAL}) without
 * completing the step; a restart runs the gate again, which lets an approved run through
 * and fails a rejected one. A request once made must be decided: turning the ceiling off
 * does not release a waiting run. Under the ceiling, or with the ceiling off, it passes.
 * Passing is recorded (run_gate_passes): only the lines of a run that passed are ever
 * sent, by whichever run reads them.
 */
class RunApprovalGate implements Tasklet, StepExecutionListener {

	static final String STEP_NAME = "awaitRunApprovalStep";

	static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

	private final RunApprovalRepository requests;

	private final RunCeilingSetting ceilingSetting;

	private final FxConverter fx;

	private final RunTotalsJson totalsJson;

	private final AuditTrail audit;

	private final Clock clock;

	RunApprovalGate(RunApprovalRepository requests, RunCeilingSetting ceilingSetting, FxConverter fx,
			RunTotalsJson totalsJson, AuditTrail audit, Clock clock) {
		this.requests = requests;
		this.ceilingSetting = ceilingSetting;
		this.fx = fx;
		this.totalsJson = totalsJson;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		RunContext run = RunContext.of(step);
		var existing = requests.find(run.runId());
		if (existing.isPresent()) {
			var request = existing.get();
			switch (request.status()) {
				case "approved" -> {
					say("run " + run.runId() + " was approved: it goes on to the bank");
					requests.pass(run.runId(), "approved", clock.instant());
					return RepeatStatus.FINISHED;
				}
				case "rejected" -> throw new IllegalStateException(
						"run " + run.runId() + " was rejected: it sends nothing; a rerun pays its payouts");
				default -> {
					say("run " + run.runId() + " still awaits approval (" + RunCeiling.format(request.total())
							+ " over the ceiling " + RunCeiling.format(request.ceiling()) + ")");
					step.setTerminateOnly();
					return RepeatStatus.FINISHED;
				}
			}
		}
		RunCeiling ceiling = ceilingSetting.current();
		if (ceiling.isOff()) {
			requests.pass(run.runId(), "run ceiling off", clock.instant());
			return RepeatStatus.FINISHED;
		}
		RunTotals totals = RunTotals.of(requests.lineTotals(run.runId()), ceiling.limit().currency(), fx);
		if (!ceiling.isExceededBy(totals.gross())) {
			say("run total " + RunCeiling.format(totals.gross()) + " is within the run ceiling "
					+ RunCeiling.format(ceiling.limit()) + ": no approval needed");
			requests.pass(run.runId(), "within the run ceiling " + RunCeiling.format(ceiling.limit()), clock.instant());
			return RepeatStatus.FINISHED;
		}
		var parameters = step.getJobExecution().getJobParameters();
		String launcher = PayoutRunJobParameters.launcher(parameters);
		String json = totalsJson.write(totals);
		requests.insert(new RunApprovalRepository.Request(run.runId(), run.jobExecutionId(), run.event(),
				parameters.getString(PayoutRunJobParameters.SCHEDULE),
				parameters.getString(PayoutRunJobParameters.SLOT), launcher, "awaiting", RunApprovals.REQUIRED,
				totals.gross(), ceiling.limit(), json, clock.instant(), null));
		audit.event("run", Long.toString(run.runId()), "run_approval_requested", AuditCategory.COMPLIANCE, "warning",
				launcher, run.runId(), json);
		say("run total " + RunCeiling.format(totals.gross()) + " is over the run ceiling "
				+ RunCeiling.format(ceiling.limit()) + ": nothing is sent until " + RunApprovals.REQUIRED
				+ " people other than " + launcher + " approve it (approve-run --run " + run.jobExecutionId() + ")");
		step.setTerminateOnly();
		return RepeatStatus.FINISHED;
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!stepExecution.isTerminateOnly()) {
			return null;
		}
		long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		return requests.find(runId)
			.filter(request -> "awaiting".equals(request.status()))
			.map(request -> new ExitStatus(AWAITING_APPROVAL,
					"run " + runId + " awaits approval by " + request.approvalsRequired() + " people other than "
							+ request.launchedBy() + ": " + RunCeiling.format(request.total()) + " is over the ceiling "
							+ RunCeiling.format(request.ceiling())))
			.orElse(null);
	}

	private static void say(String message) {
		System.out.println("[" + STEP_NAME + "] " + message);
	}

}
