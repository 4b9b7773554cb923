package com.payoutrunner.partitioning;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker ({@code worker} command, {@code payout.partitioning.worker.enabled=true}):
 * Spring Integration's AMQP inbound adapter takes Spring Batch's
 * {@link StepExecutionRequest}s (JSON, {@link PartitionRequestJson}) from the durable
 * queue, {@code concurrency} at a time, one unacknowledged message per consumer; the flow
 * filters out requests for partitions that are no longer STARTING
 * ({@link PartitionClaims#claim}), runs the others with Spring Batch's
 * {@link StepExecutionRequestHandler} and ends the claim. The container acknowledges a
 * request when the flow returns (AUTO), so after its partition has ended; a worker that
 * dies before leaves it to the broker to deliver again. The container reconnects by
 * itself when the broker goes away, and says so in the log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "payout.partitioning.worker.enabled", havingValue = "true")
@EnableIntegration
class PartitionWorkerConfiguration {

	@Bean(destroyMethod = "close")
	WorkerHeartbeat workerHeartbeat(PartitionHeartbeats heartbeats, RunningPartitions running,
			PartitioningProperties properties) {
		return new WorkerHeartbeat(heartbeats, running, properties.heartbeatInterval());
	}

	@Bean
	BeanFactoryStepLocator workerSteps(BeanFactory beanFactory) {
		BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
		steps.setBeanFactory(beanFactory);
		return steps;
	}

	@Bean
	PartitionClaims partitionClaims(JobRepository jobRepository, PartitionHeartbeats heartbeats,
			WorkerIdentity identity, BeanFactoryStepLocator workerSteps) {
		return new PartitionClaims(jobRepository, heartbeats, identity, workerSteps);
	}

	@Bean
	SimpleMessageListenerContainer partitionRequestContainer(ConnectionFactory connectionFactory,
			PartitioningProperties properties, @Value("${payout.partitioning.worker.concurrency:1}") int concurrency,
			WorkerIdentity identity) {
		if (connectionFactory instanceof AbstractConnectionFactory factory) {
			factory
				.addConnectionListener(new BrokerConnectionLog(identity, factory.getHost() + ":" + factory.getPort()));
		}
		SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
		container.setQueueNames(properties.requestQueue());
		container.setAcknowledgeMode(AcknowledgeMode.AUTO);
		container.setPrefetchCount(1);
		container.setConcurrentConsumers(concurrency);
		container.setMissingQueuesFatal(false);
		container.setRecoveryInterval(5_000);
		container.setErrorHandler(new UnreadableRequestDrop(identity));
		return container;
	}

	@Bean
	PartitionWorker partitionWorker(SimpleMessageListenerContainer partitionRequestContainer, RunningPartitions running,
			WorkerIdentity identity, PartitioningProperties properties) {
		return new PartitionWorker(partitionRequestContainer, running, identity, properties);
	}

	/** The handler is not a bean: its {@code @ServiceActivator} would want a channel. */
	@Bean
	IntegrationFlow partitionRequestFlow(SimpleMessageListenerContainer partitionRequestContainer,
			PartitionClaims claims, JobRepository jobRepository, BeanFactoryStepLocator workerSteps) {
		StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
		handler.setStepLocator(workerSteps);
		handler.setJobRepository(jobRepository);
		return IntegrationFlow
			.from(Amqp.inboundAdapter(partitionRequestContainer).messageConverter(new PartitionRequestJson()))
			.filter(StepExecutionRequest.class, claims::claim)
			.handle(StepExecutionRequest.class, (request, headers) -> handler.handle(request))
			.handle(StepExecution.class, (partition, headers) -> claims.ended(partition))
			.get();
	}

}
