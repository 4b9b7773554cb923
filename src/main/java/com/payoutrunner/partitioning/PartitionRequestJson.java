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

	private static final int SHOWN_BYTES = 200;

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

	/** The start of the body, printable: it may be anything, of any size. */
	private static String notARequest(Message message) {
		String body = new String(message.getBody(), 0, Math.min(message.getBody().length, SHOWN_BYTES),
				StandardCharsets.UTF_8);
		return "not a partition request: " + body.replaceAll("\\p{Cntrl}", "?")
				+ (message.getBody().length > SHOWN_BYTES ? "… (" + message.getBody().length + " bytes)" : "");
	}

}
