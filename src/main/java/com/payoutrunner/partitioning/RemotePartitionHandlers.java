package com.payoutrunner.partitioning;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Makes the manager's partition handler for a worker step in remote mode: Spring Batch's
 * {@code MessageChannelPartitionHandler} ({@link WatchedPartitionHandler}) sending its
 * requests through {@code requests} (a channel to RabbitMQ,
 * {@link RemotePartitioningConfiguration}) and polling the job repository every
 * {@code poll-interval}.
 */
class RemotePartitionHandlers {

	private final MessagingTemplate requests;

	private final JobRepository jobRepository;

	private final QuietPartitionReaper reaper;

	private final PartitioningProperties properties;

	RemotePartitionHandlers(MessagingTemplate requests, JobRepository jobRepository, QuietPartitionReaper reaper,
			PartitioningProperties properties) {
		this.requests = requests;
		this.jobRepository = jobRepository;
		this.reaper = reaper;
		this.properties = properties;
	}

	PartitionHandler forStep(String workerStepName) {
		WatchedPartitionHandler handler = new WatchedPartitionHandler(reaper, properties.requestQueue());
		handler.setStepName(workerStepName);
		handler.setMessagingOperations(requests);
		handler.setJobRepository(jobRepository);
		handler.setPollInterval(properties.pollInterval().toMillis());
		handler.setGridSize(properties.gridSize());
		try {
			handler.afterPropertiesSet();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot set up the remote partition handler of " + workerStepName, ex);
		}
		return handler;
	}

}
