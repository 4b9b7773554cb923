package com.payoutrunner.batching;

import java.util.Comparator;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * A job that one of its steps stopped on purpose says why: it takes that step's own exit
 * code (such as {@code AWAITING_APPROVAL} from {@code awaitRunApprovalStep}) instead of
 * Spring Batch's plain STOPPED, which it sets for any interruption. Runs before the
 * listeners that report the execution (summary, metrics).
 */
class StoppedStepExitListener implements JobExecutionListener {

	private static final Set<String> STANDARD = Set.of(ExitStatus.UNKNOWN.getExitCode(),
			ExitStatus.EXECUTING.getExitCode(), ExitStatus.COMPLETED.getExitCode(), ExitStatus.NOOP.getExitCode(),
			ExitStatus.FAILED.getExitCode(), ExitStatus.STOPPED.getExitCode());

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.STOPPED) {
			return;
		}
		execution.getStepExecutions()
			.stream()
			.filter(step -> step.getStatus() == BatchStatus.STOPPED)
			.max(Comparator.comparingLong(StepExecution::getId))
			.map(StepExecution::getExitStatus)
			.filter(exit -> !STANDARD.contains(exit.getExitCode()))
			.ifPresent(execution::setExitStatus);
	}

}
