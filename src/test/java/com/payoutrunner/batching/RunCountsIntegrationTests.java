package com.payoutrunner.batching;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The counts of many runs at once agree with each run's own summary. */
class RunCountsIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Test
	void theCountsOfSeveralRunsAreEachRunsSummary() throws Exception {
		JobExecution first = runs.run(events.sample("counts-a")).execution();
		JobExecution second = runs.run(events.sample("counts-b")).execution();
		long neverRan = Long.MAX_VALUE;

		var counts = summaries.countsOf(
				List.of(first.getJobInstance().getInstanceId(), second.getJobInstance().getInstanceId(), neverRan));

		for (JobExecution execution : List.of(first, second)) {
			RunSummary summary = summaries.summarize(execution);
			assertThat(counts.get(summary.runId())).isEqualTo(new RunSummaryService.RunCounts(summary.created(),
					summary.skipped(), summary.failed(), summary.unconfirmed()));
			assertThat(summary.created()).isPositive();
			assertThat(summary.skipped()).isPositive();
		}
		assertThat(counts.get(neverRan)).isEqualTo(new RunSummaryService.RunCounts(0, 0, 0, 0));
		assertThat(summaries.countsOf(List.of())).isEmpty();
	}

}
