package com.payoutrunner.batching;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionLogContextTests {

	private final StepExecution partition = new StepExecution(31, "submitBatchLinesStep:partition1",
			new JobExecution(12, new JobInstance(7, "payoutRunJob"), new JobParameters()));

	@AfterEach
	void clearTheContext() {
		MDC.clear();
	}

	@Test
	void aPartitionsLogLinesNameItsRunAndThePartition() {
		PartitionLogContext context = new PartitionLogContext();

		context.beforeStep(partition);
		assertThat(MDC.get("run")).isEqualTo("run=7 exec=12 submitBatchLinesStep:partition1");

		context.afterStep(partition);
		assertThat(MDC.get("run")).isNull();
	}

	@Test
	void whatTheThreadHadBeforeIsPutBack() {
		MDC.put("run", "run=7 exec=12");
		PartitionLogContext context = new PartitionLogContext();

		context.beforeStep(partition);
		context.afterStep(partition);

		assertThat(MDC.get("run")).isEqualTo("run=7 exec=12");
	}

}
