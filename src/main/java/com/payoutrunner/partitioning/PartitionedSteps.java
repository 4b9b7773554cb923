package com.payoutrunner.partitioning;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Builds a manager step that partitions another (its worker step) with a
 * {@link Partitioner}, its partitions run where {@code payout.partitioning.mode} says: on
 * this process's partition threads, or on worker processes through RabbitMQ
 * ({@link RemotePartitionHandlers}). Each partition is a step execution of its own, named
 * {@code <manager step>:partition<n>}, with its own restart data; the manager step's
 * counters add up its partitions'. A restart runs again only the partitions that did not
 * complete.
 */
public class PartitionedSteps implements AutoCloseable {

	private final JobRepository jobRepository;

	private final PartitioningProperties properties;

	private final ThreadPoolTaskExecutor partitionThreads;

	private final ObjectProvider<RemotePartitionHandlers> remote;

	private final RunningPartitions runningPartitions;

	PartitionedSteps(JobRepository jobRepository, PartitioningProperties properties,
			ThreadPoolTaskExecutor partitionThreads, ObjectProvider<RemotePartitionHandlers> remote,
			RunningPartitions runningPartitions) {
		this.jobRepository = jobRepository;
		this.properties = properties;
		this.partitionThreads = partitionThreads;
		this.remote = remote;
		this.runningPartitions = runningPartitions;
	}

	/**
	 * @param name the manager step's name (its partitions are {@code name:partition<n>})
	 * @param workerStep the step each partition runs; a bean of that name, so that a
	 * remote worker finds it
	 * @param listeners on the manager step (they see the added-up counters at its end)
	 */
	public Step partitioned(String name, Step workerStep, Partitioner partitioner, StepExecutionListener... listeners) {
		StepBuilder builder = new StepBuilder(name, jobRepository);
		for (StepExecutionListener listener : listeners) {
			builder.listener(listener);
		}
		return builder.partitioner(name, partitioner).partitionHandler(handler(workerStep)).build();
	}

	/**
	 * For the worker steps: records in each partition's execution context which process
	 * ran it ({@link WorkerIdentity#CONTEXT_KEY}), and keeps those running here
	 * ({@link RunningPartitions}).
	 */
	public StepExecutionListener workerNameListener() {
		return runningPartitions;
	}

	private PartitionHandler handler(Step workerStep) {
		if (properties.mode() == PartitioningProperties.Mode.REMOTE) {
			RemotePartitionHandlers handlers = remote.getIfAvailable();
			if (handlers == null) {
				throw new IllegalStateException(
						"payout.partitioning.mode is remote but no RabbitMQ sender is configured");
			}
			return handlers.forStep(workerStep.getName());
		}
		TaskExecutorPartitionHandler local = new TaskExecutorPartitionHandler();
		local.setStep(workerStep);
		local.setTaskExecutor(partitionThreads);
		local.setGridSize(properties.gridSize());
		return local;
	}

	/** Ends the partition threads (a job still running has been stopped by then). */
	@Override
	public void close() {
		partitionThreads.shutdown();
	}

}
