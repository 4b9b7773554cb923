package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Who hears of a start: the one who started that run, once, and no one else. */
class RunStartsTests {

	final RunStarts starts = new RunStarts();

	@Test
	void theStarterOfARunHearsOfItsExecutionOnceAndOthersRunsAreNotItsBusiness() throws Exception {
		JobParameters mine = parameters("LIQ-1", "alice");
		List<Long> heard = new ArrayList<>();

		JobExecution ended = starts.start(mine, execution -> heard.add(execution.getId()), () -> {
			// Another run starting meanwhile (another event), then this one, with a
			// non-identifying parameter of its own: the same instance.
			starts.beforeJob(execution(1, parameters("LIQ-2", "alice")));
			JobExecution execution = execution(2, parameters("LIQ-1", "bob"));
			starts.beforeJob(execution);
			starts.beforeJob(execution);
			return execution;
		});

		assertThat(heard).containsExactly(2L);
		assertThat(ended.getId()).isEqualTo(2L);
		starts.beforeJob(execution(3, mine));
		assertThat(heard).as("once its start has returned").containsExactly(2L);
	}

	private static JobParameters parameters(String event, String launchedBy) {
		return new JobParametersBuilder().addString(PayoutRunJobParameters.EVENT, event)
			.addString(PayoutRunJobParameters.LAUNCHED_BY, launchedBy, false)
			.toJobParameters();
	}

	private static JobExecution execution(long id, JobParameters parameters) {
		return new JobExecution(id, new JobInstance(id, PayoutRunJobConfiguration.JOB_NAME), parameters);
	}

}
