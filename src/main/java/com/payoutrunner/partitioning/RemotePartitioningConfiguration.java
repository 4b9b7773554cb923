package com.payoutrunner.partitioning;

import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * The manager's side of remote partitions ({@code payout.partitioning.mode: remote}):
 * Spring Batch's {@code MessageChannelPartitionHandler} sends its
 * {@code StepExecutionRequest}s through a {@link MessagingTemplate} to the
 * {@code partitionRequests} channel, and Spring Integration's AMQP outbound adapter puts
 * each on the durable request queue as persistent JSON and waits for the broker's
 * publisher confirm: once a request is sent, a broker restart does not lose it. A request
 * the broker did not take (it is away, or did not confirm) is sent again for
 * {@code send-patience} ({@link PartitionRequestRetry}); a request sent twice runs once
 * (the workers' claims).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${payout.partitioning.mode:local}'.equalsIgnoreCase('remote')")
@EnableIntegration
class RemotePartitioningConfiguration {

	private static final long CONFIRM_TIMEOUT_MILLIS = 30_000;

	@Bean
	DirectChannel partitionRequests() {
		return new DirectChannel();
	}

	/** A template of its own: the adapter takes its confirm callback, and the JSON. */
	@Bean
	IntegrationFlow partitionRequestsToRabbit(DirectChannel partitionRequests, ConnectionFactory connectionFactory,
			PartitioningProperties properties) {
		RabbitTemplate rabbit = new RabbitTemplate(connectionFactory);
		rabbit.setMessageConverter(new PartitionRequestJson());
		return IntegrationFlow.from(partitionRequests)
			.handle(Amqp.outboundAdapter(rabbit)
				.exchangeName("")
				.routingKey(properties.requestQueue())
				.defaultDeliveryMode(MessageDeliveryMode.PERSISTENT)
				.confirmCorrelationExpression("headers.id")
				.waitForConfirm(true)
				.confirmTimeout(CONFIRM_TIMEOUT_MILLIS),
					endpoint -> endpoint
						.advice(PartitionRequestRetry.advice(properties.sendPatience(), properties.requestQueue())))
			.get();
	}

	@Bean(destroyMethod = "close")
	QuietPartitionReaper quietPartitionReaper(JobRepository jobRepository, PartitionHeartbeats heartbeats,
			PartitioningProperties properties) {
		return new QuietPartitionReaper(jobRepository, heartbeats, properties);
	}

	@Bean
	RemotePartitionHandlers remotePartitionHandlers(DirectChannel partitionRequests, JobRepository jobRepository,
			QuietPartitionReaper reaper, PartitioningProperties properties) {
		return new RemotePartitionHandlers(new MessagingTemplate(partitionRequests), jobRepository, reaper, properties);
	}

}
