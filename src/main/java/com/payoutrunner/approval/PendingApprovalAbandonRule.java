package com.payoutrunner.approval;

import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import com.payoutrunner.batching.RunControl;

/**
 * A run waiting at its approval gate is decided, not abandoned (rejecting it releases its
 * payouts); an abandoned run's request not yet past the gate is withdrawn.
 */
@Component
class PendingApprovalAbandonRule implements RunControl.AbandonRule {

	private final RunApprovals approvals;

	PendingApprovalAbandonRule(RunApprovals approvals) {
		this.approvals = approvals;
	}

	@Override
	public Optional<String> refusal(JobExecution execution) {
		return approvals.ofExecution(execution.getId())
			.filter(RunApprovalView::isAwaiting)
			.map(request -> "run " + execution.getId() + " awaits approval: reject it to release its payouts");
	}

	@Override
	public void abandoned(JobExecution execution, String by) {
		approvals.withdrawIfNotPastTheGate(execution.getId(), by);
	}

}
