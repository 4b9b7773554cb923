package com.payoutrunner.report;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

import com.payoutrunner.partitioning.PartitionNames;
import com.payoutrunner.partitioning.WorkerIdentity;

/**
 * The import and run executions of an event with their step counters: the executions
 * found by their event parameter ({@link BatchMetadataQueries}), their steps from Spring
 * Batch's {@link JobRepository}.
 */
@Service
public class ExecutionHistory {

	public record Execution(long jobExecutionId, long jobInstanceId, String jobName, String status,
			LocalDateTime startTime, LocalDateTime endTime, String exitMessage, String rerun, List<Step> steps) {
	}

	/**
	 * A step execution's counters and wall time ({@code seconds} is 0 while it runs). A
	 * partitioned step's counters add up its partitions', listed in {@code partitions}
	 * (none for a step that is not partitioned).
	 */
	public record Step(String stepName, String status, long readCount, long writeCount, long filterCount,
			long skipCount, double seconds, List<Partition> partitions) {

		/** Items the step handled: what it read, or for a tasklet what it wrote. */
		public long items() {
			return Math.max(readCount, writeCount);
		}
	}

	/**
	 * One partition of a partitioned step, and the worker that ran it (empty: none yet).
	 */
	public record Partition(String name, String status, long readCount, long writeCount, long skipCount, String worker,
			double seconds) {

		static Partition of(StepExecution partition) {
			return new Partition(PartitionNames.partitionOf(partition.getStepName()), partition.getStatus().name(),
					partition.getReadCount(), partition.getWriteCount(), partition.getSkipCount(), workerOf(partition),
					ExecutionHistory.seconds(partition));
		}

	}

	private final BatchMetadataQueries metadata;

	private final JobRepository jobRepository;

	public ExecutionHistory(BatchMetadataQueries metadata, JobRepository jobRepository) {
		this.metadata = metadata;
		this.jobRepository = jobRepository;
	}

	public List<Execution> executionsOf(String event) {
		return metadata.executionsOf(event)
			.stream()
			.map(r -> new Execution(r.jobExecutionId(), r.jobInstanceId(), r.jobName(), r.status(), r.startTime(),
					r.endTime(), r.exitMessage(), r.rerun(), steps(r.jobExecutionId())))
			.toList();
	}

	/**
	 * The execution's steps, each partitioned one with its partitions (not counted
	 * twice).
	 */
	public List<Step> steps(long jobExecutionId) {
		List<StepExecution> all = stepExecutionsOf(jobExecutionId);
		return all.stream()
			.filter(s -> !PartitionNames.isPartition(s.getStepName()))
			.map(s -> new Step(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
					s.getFilterCount(), s.getSkipCount(), seconds(s), partitionsOf(s, all)))
			.toList();
	}

	/** The partitions a partitioned step execution ran, by name. */
	public static List<Partition> partitionsOf(StepExecution step, List<StepExecution> all) {
		return all.stream()
			.filter(s -> PartitionNames.isPartition(s.getStepName())
					&& PartitionNames.stepOf(s.getStepName()).equals(step.getStepName()))
			.sorted(Comparator.comparing((StepExecution s) -> s.getStepName().length())
				.thenComparing(StepExecution::getStepName))
			.map(Partition::of)
			.toList();
	}

	/** Who ran a partition, as it recorded itself; empty while none has. */
	public static String workerOf(StepExecution partition) {
		Object worker = partition.getExecutionContext().get(WorkerIdentity.CONTEXT_KEY);
		return worker == null ? "" : worker.toString();
	}

	/**
	 * The execution's step executions, ordered by id as Spring Batch loads them; none for
	 * an unknown execution.
	 */
	public List<StepExecution> stepExecutionsOf(long jobExecutionId) {
		JobExecution execution;
		try {
			execution = jobRepository.getJobExecution(jobExecutionId);
		}
		catch (EmptyResultDataAccessException unknown) {
			// Spring Batch 6.0.4 throws here for an unknown id, where its contract says
			// null
			return List.of();
		}
		return execution == null ? List.of() : List.copyOf(execution.getStepExecutions());
	}

	/** Wall time from start to end; 0 until both are known. */
	private static double seconds(StepExecution step) {
		if (step.getStartTime() == null || step.getEndTime() == null) {
			return 0;
		}
		return Duration.between(step.getStartTime(), step.getEndTime()).toNanos() / 1e9;
	}

}
