package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.batch.integration.partition.StepExecutionRequest;

class PartitionRequestJsonTests {

	private final PartitionRequestJson json = new PartitionRequestJson();

	@Test
	void aStepExecutionRequestTravelsAsJsonText() {
		Message message = json.toMessage(new StepExecutionRequest("submitBatchLinesPartitionStep", 42),
				new MessageProperties());

		assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains("\"stepExecutionId\":42")
			.contains("\"stepName\":\"submitBatchLinesPartitionStep\"");
		assertThat(message.getMessageProperties().getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
		StepExecutionRequest back = (StepExecutionRequest) json.fromMessage(message);
		assertThat(back.getStepName()).isEqualTo("submitBatchLinesPartitionStep");
		assertThat(back.getStepExecutionId()).isEqualTo(42L);
	}

	@Test
	void aMessageNamingAnotherClassIsRefused() {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setHeader("__TypeId__", "com.payoutrunner.partitioning.PartitioningProperties");

		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> json.fromMessage(new Message("{}".getBytes(StandardCharsets.UTF_8), properties)))
			.withMessageContaining("not a partition request");
	}

	@Test
	void jsonOfAnotherShapeIsRefused() {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setHeader("__TypeId__", "java.util.HashMap");

		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> json.fromMessage(new Message("{\"a\":1}".getBytes(StandardCharsets.UTF_8), properties)))
			.withMessageContaining("not a partition request");
	}

	@Test
	void theRefusalShowsTheStartOfTheBodyPrintably() {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		String body = "\u001b[31mred\n" + "x".repeat(10_000);

		assertThatExceptionOfType(MessageConversionException.class)
			.isThrownBy(() -> json.fromMessage(new Message(body.getBytes(StandardCharsets.UTF_8), properties)))
			.withMessageStartingWith("not a partition request: ?[31mred?xxx")
			.withMessageEndingWith("x… (10009 bytes)")
			.matches(refusal -> refusal.getMessage().length() < 260, "at most 200 bytes of the body");
	}

}
