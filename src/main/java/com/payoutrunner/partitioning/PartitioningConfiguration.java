package com.payoutrunner.partitioning;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Partitioned steps ({@link PartitionedSteps}): the threads that run local partitions,
 * the worker steps' listener, and in remote mode (or in a worker) the durable request
 * queue. The manager's sending side is {@link RemotePartitioningConfiguration}, the
 * worker's listener {@link PartitionWorkerConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class PartitioningConfiguration {

	@Bean
	WorkerIdentity workerIdentity(PartitioningProperties properties) {
		return WorkerIdentity.of(properties.workerName());
	}

	/**
	 * Local partitions run on one thread each (idle threads end). Not a bean of its own:
	 * an {@code Executor} bean would take the place of Boot's application task executor.
	 */
	@Bean(destroyMethod = "close")
	PartitionedSteps partitionedSteps(JobRepository jobRepository, PartitioningProperties properties,
			ObjectProvider<RemotePartitionHandlers> remote, RunningPartitions runningPartitions) {
		ThreadPoolTaskExecutor threads = new ThreadPoolTaskExecutor();
		threads.setCorePoolSize(properties.gridSize());
		threads.setMaxPoolSize(properties.gridSize());
		threads.setThreadNamePrefix("partition-");
		threads.setAllowCoreThreadTimeOut(true);
		threads.initialize();
		return new PartitionedSteps(jobRepository, properties, threads, remote, runningPartitions);
	}

	@Bean
	RunningPartitions runningPartitions(WorkerIdentity identity) {
		return new RunningPartitions(identity);
	}

	/** This process's meters say which worker (or manager) recorded them. */
	@Bean
	MeterRegistryCustomizer<MeterRegistry> workerTag(WorkerIdentity identity) {
		return registry -> registry.config().commonTags("worker", identity.name());
	}

	@Bean
	@ConditionalOnExpression("'${payout.partitioning.mode:local}'.equalsIgnoreCase('remote') or ${payout.partitioning.worker.enabled:false}")
	Queue partitionRequestQueue(PartitioningProperties properties) {
		return QueueBuilder.durable(properties.requestQueue()).build();
	}

}
