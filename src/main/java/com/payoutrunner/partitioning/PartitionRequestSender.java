package com.payoutrunner.partitioning;

import java.time.Duration;
import java.util.List;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Puts partition requests on the durable request queue as persistent messages and waits
 * for the broker's publisher confirms: once {@link #send} returns, the requests are on
 * the broker's disk, and a broker restart loses none of them.
 */
public class PartitionRequestSender {

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

	private final RabbitTemplate rabbit;

	private final String queue;

	PartitionRequestSender(RabbitTemplate rabbit, String queue) {
		this.rabbit = rabbit;
		this.queue = queue;
	}

	void send(List<PartitionRequest> requests) {
		rabbit.invoke(operations -> {
			for (PartitionRequest request : requests) {
				MessageProperties properties = new MessageProperties();
				properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
				properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
				properties.setMessageId(request.step() + "/" + request.stepExecutionId());
				operations.send("", queue, new Message(request.toJson(), properties));
			}
			operations.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
			return null;
		});
	}

}
