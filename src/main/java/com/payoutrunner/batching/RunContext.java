package com.payoutrunner.batching;

import org.springframework.batch.core.step.StepExecution;

import com.payoutrunner.partitioning.PartitionNames;

/**
 * Who is writing: the run (job instance), its execution, and the step; read from the step
 * execution (a partition's step is its manager step).
 */
public record RunContext(long runId, long jobExecutionId, String stepName, String event) {

	public static RunContext of(StepExecution stepExecution) {
		var jobExecution = stepExecution.getJobExecution();
		return new RunContext(jobExecution.getJobInstance().getInstanceId(), jobExecution.getId(),
				PartitionNames.stepOf(stepExecution.getStepName()),
				jobExecution.getJobParameters().getString(PayoutRunJobParameters.EVENT));
	}
}
