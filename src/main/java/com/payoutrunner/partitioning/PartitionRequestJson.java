package com.payoutrunner.partitioning;

import java.nio.charset.StandardCharsets;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * How Spring Batch's {@link StepExecutionRequest} travels on RabbitMQ: JSON text
 * ({@code {"stepExecutionId":42,"stepName":"submitBatchLinesPartitionStep"}}, its class
 * in the {@code __TypeId__} header), readable in the broker's console. No Java
 * serialization, and only classes of Spring Batch's partition package are built from a
 * message. Anything that is not a request is a conversion failure, which the listener
 * container rejects without requeueing (logged and dropped, never redelivered in a loop).
 */
class PartitionRequestJson extends JacksonJsonMessageConverter {

	PartitionRequestJson() {
		super(StepExecutionRequest.class.getPackageName());
	}

	@Override
	public Object fromMessage(Message message) {
		Object request;
		try {
			request = super.fromMessage(message);
		}
		catch (RuntimeException unreadable) {
			throw new MessageConversionException(notARequest(message), unreadable);
		}
		if (request instanceof StepExecutionRequest) {
			return request;
		}
		throw new MessageConversionException(notARequest(message));
	}

	private static String notARequest(Message message) {
		return "not a partition request: " + new String(message.getBody(), StandardCharsets.UTF_8);
	}

}
