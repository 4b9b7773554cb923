package com.payoutrunner.partitioning;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessagingException;

/**
 * A worker ({@code worker} command, {@code payout.partitioning.worker.enabled=true}):
 * Spring Integration's AMQP inbound adapter takes partition requests from the durable
 * queue, {@code concurrency} at a time, one unacknowledged message per consumer, and
 * hands them to {@link PartitionRequestListener}, which acknowledges each once its
 * partition has ended. The container reconnects by itself when the broker goes away, and
 * says so in the log.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "payout.partitioning.worker.enabled", havingValue = "true")
@EnableIntegration
class PartitionWorkerConfiguration {

	@Bean(destroyMethod = "close")
	WorkerHeartbeat workerHeartbeat(PartitionHeartbeats heartbeats, PartitioningProperties properties) {
		return new WorkerHeartbeat(heartbeats, properties.heartbeatInterval());
	}

	@Bean
	PartitionRequestListener partitionRequestListener(JobRepository jobRepository, BeanFactory beanFactory,
			PartitionHeartbeats heartbeats, WorkerHeartbeat heartbeat, WorkerIdentity identity) {
		return new PartitionRequestListener(jobRepository, beanFactory, heartbeats, heartbeat, identity);
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
		container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
		container.setPrefetchCount(1);
		container.setConcurrentConsumers(concurrency);
		container.setMissingQueuesFatal(false);
		container.setRecoveryInterval(5_000);
		return container;
	}

	@Bean
	PartitionWorker partitionWorker(SimpleMessageListenerContainer partitionRequestContainer,
			PartitionRequestListener listener, WorkerIdentity identity, PartitioningProperties properties) {
		return new PartitionWorker(partitionRequestContainer, listener, identity, properties);
	}

	@Bean
	IntegrationFlow partitionRequestFlow(SimpleMessageListenerContainer partitionRequestContainer,
			PartitionRequestListener listener) {
		MessageHandler handler = message -> {
			try {
				listener.handle(message);
			}
			catch (java.io.IOException ex) {
				throw new MessagingException(message, "could not acknowledge a partition request", ex);
			}
		};
		return IntegrationFlow.from(Amqp.inboundAdapter(partitionRequestContainer)).handle(handler).get();
	}

}
