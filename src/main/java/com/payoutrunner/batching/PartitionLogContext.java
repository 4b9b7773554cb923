package com.payoutrunner.batching;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the run into the log context of the thread (or worker process) that runs a
 * partition, as {@link RunSummaryListener} does for the job's own thread: without it, a
 * partition's log lines (a bank call that failed, a retry) would not say which run they
 * belong to. What the thread had before is put back when the partition ends.
 */
final class PartitionLogContext implements StepExecutionListener {

	static final String KEY = "run";

	private final ThreadLocal<String> previous = new ThreadLocal<>();

	@Override
	public void beforeStep(StepExecution partition) {
		previous.set(MDC.get(KEY));
		MDC.put(KEY, "run=" + partition.getJobExecution().getJobInstance().getInstanceId() + " exec="
				+ partition.getJobExecutionId() + " " + partition.getStepName());
	}

	@Override
	public ExitStatus afterStep(StepExecution partition) {
		String before = previous.get();
		previous.remove();
		if (before == null) {
			MDC.remove(KEY);
		}
		else {
			MDC.put(KEY, before);
		}
		return null;
	}

}
