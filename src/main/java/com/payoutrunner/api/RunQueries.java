package com.payoutrunner.api;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.report.BatchMetadataQueries.ExecutionRow;
import com.payoutrunner.partitioning.PartitionNames;
import com.payoutrunner.report.ExecutionHistory;

/**
 * Job executions and their steps as the API shows them: the list from
 * {@link BatchMetadataQueries}, a run's steps from Spring Batch's repository
 * ({@link ExecutionHistory}).
 */
@Component
class RunQueries {

	private final BatchMetadataQueries metadata;

	private final ExecutionHistory history;

	RunQueries(BatchMetadataQueries metadata, ExecutionHistory history) {
		this.metadata = metadata;
		this.history = history;
	}

	List<RunView> runs(BatchMetadataQueries.Filter filter) {
		return metadata.executions(filter).stream().map(RunQueries::view).toList();
	}

	Optional<RunView> run(long id) {
		return metadata.execution(id).map(RunQueries::view);
	}

	List<StepView> steps(long id) {
		List<StepExecution> all = history.stepExecutionsOf(id);
		return all.stream()
			.filter(step -> !PartitionNames.isPartition(step.getStepName()))
			.map(step -> view(step, ExecutionHistory.partitionsOf(step, all)))
			.toList();
	}

	private static StepView view(StepExecution step, List<ExecutionHistory.Partition> partitions) {
		LocalDateTime start = step.getStartTime();
		LocalDateTime end = step.getEndTime();
		long read = step.getReadCount();
		return new StepView(step.getStepName(), step.getStatus().name(), read, step.getWriteCount(),
				step.getFilterCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(), start, end,
				rate(read, start, end), partitions.stream().map(StepView.PartitionView::of).toList());
	}

	private static RunView view(ExecutionRow row) {
		long id = row.jobExecutionId();
		String rerun = row.rerun();
		return new RunView(id, row.jobInstanceId(), row.jobName(), row.status(), row.exitCode(), row.event(),
				rerun == null ? null : Long.valueOf(rerun), row.schedule(), row.slot(), row.createTime(),
				row.startTime(), row.endTime(), new RunView.Links("/api/runs/" + id, "/api/runs/" + id + "/skips"));
	}

	private static Double rate(long items, LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return null;
		}
		long millis = Duration.between(start, end != null ? end : LocalDateTime.now()).toMillis();
		return millis <= 0 ? null : Math.round(items * 1000.0 / millis * 10) / 10.0;
	}

}
