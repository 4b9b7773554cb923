package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.report.ExecutionHistory;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;

/**
 * Local mode (the default, grid size 2): the build and submit steps run as two partitions
 * each on threads of this process; the manager step's counts add up its partitions', the
 * summary and the skip report are those of an unpartitioned run.
 */
class LocalPartitionsIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	ExecutionHistory history;

	@Autowired
	PayoutQueries db;

	@Autowired
	MeterRegistry meters;

	@Test
	void theStepsRunAsPartitionsWhoseCountsAddUpToTheirStep() throws Exception {
		String event = events.sample("PART");

		JobExecution execution = runs.run(event).execution();

		RunSummary summary = summaries.summarize(execution);
		assertThat(summary.status()).isEqualTo("COMPLETED");
		assertThat(summary.created()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summary.skipped()).isEqualTo(SampleEvent.INELIGIBLE);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.invariantViolations(event)).isEmpty();

		List<ExecutionHistory.Step> steps = history.steps(execution.getId());
		assertThat(steps).extracting(ExecutionHistory.Step::stepName)
			.containsExactly("buildBatchLinesStep", "awaitRunApprovalStep", "writeBankFilesStep",
					"submitBatchLinesStep", "writeSkipReportStep");
		ExecutionHistory.Step build = steps.get(0);
		assertThat(build.readCount()).isEqualTo(SampleEvent.ELIGIBLE + SampleEvent.INELIGIBLE);
		assertThat(build.skipCount()).isEqualTo(SampleEvent.INELIGIBLE);
		assertThat(build.partitions()).extracting(ExecutionHistory.Partition::name)
			.containsExactly("partition0", "partition1");
		assertThat(build.partitions()).allSatisfy(partition -> {
			assertThat(partition.status()).isEqualTo("COMPLETED");
			assertThat(partition.readCount()).isPositive();
			assertThat(partition.worker()).endsWith(":" + ProcessHandle.current().pid());
		});
		assertThat(build.partitions().stream().mapToLong(ExecutionHistory.Partition::readCount).sum())
			.isEqualTo(build.readCount());
		ExecutionHistory.Step submit = steps.get(3);
		assertThat(submit.writeCount()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(submit.partitions().stream().mapToLong(ExecutionHistory.Partition::writeCount).sum())
			.isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.jdbc().sql("""
				SELECT DISTINCT s.step_name FROM skip_records s JOIN payouts p ON p.id = s.payout_id
				WHERE p.liquidation_event_id = :event""").param("event", event).query(String.class).list())
			.as("skips go by the step's name, not the partition's")
			.containsExactly("buildBatchLinesStep");
		assertThat(meters.find("payout.run.duration").timers())
			.as("this process's meters say which worker recorded them")
			.isNotEmpty()
			.allSatisfy(
					timer -> assertThat(timer.getId().getTag("worker")).endsWith(":" + ProcessHandle.current().pid()));
	}

}
