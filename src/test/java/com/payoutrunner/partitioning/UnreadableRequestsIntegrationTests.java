package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.RunnerProcess;

/**
 * What a worker does with messages on its queue that it must not run, as a hostile or
 * mistaken publisher would send them (RabbitMQ on 127.0.0.1:5672): text that is not JSON,
 * JSON naming a class outside Spring Batch's partition package, and a well-formed request
 * for a step execution that does not exist. Each is logged with what it was and taken off
 * the queue once (never handed back in a loop), and the worker goes on.
 */
@Tag("process")
class UnreadableRequestsIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	Environment environment;

	@Autowired
	AmqpAdmin amqp;

	@Autowired
	RabbitTemplate rabbit;

	final String queuePrefix = "payout-runner-unreadable-" + System.nanoTime();

	final String queue = queuePrefix + ".partition-requests";

	RunnerProcess worker;

	@AfterEach
	void stopTheWorkerAndDropTheQueue() {
		if (worker != null) {
			worker.kill();
		}
		amqp.deleteQueue(queue);
	}

	@Test
	void messagesThatAreNotRunnableRequestsAreLoggedAndTakenOffTheQueueOnce() throws Exception {
		worker = RunnerProcess.start(environment.getProperty("spring.datasource.url"), "http://127.0.0.1:1", 10,
				List.of("payout.partitioning.queue-prefix=" + queuePrefix), "worker", "--name", "worker-u");
		worker.awaitOutput("listening for partitions");

		publish("{not json", "application/json", null);
		publish("{\"size\":1}", "application/json", "java.util.ArrayList");
		publish("{\"stepExecutionId\":9223372036854775807,\"stepName\":\"buildBatchLinesPartitionStep\"}",
				"application/json", "org.springframework.batch.integration.partition.StepExecutionRequest");

		worker.awaitOutput(
				"worker worker-u: dropped a message from the request queue, not a partition request: {not json");
		worker.awaitOutput(
				"worker worker-u: dropped a message from the request queue, not a partition request: {\"size\":1}");
		worker.awaitOutput(
				"no step execution 9223372036854775807 in the job repository; request acknowledged and skipped");
		Thread.sleep(2_000);
		QueueInformation info = amqp.getQueueInfo(queue);
		assertThat(info.getMessageCount()).as("messages left on the queue").isZero();
		String output = worker.stderr() + worker.stdout();
		assertThat(occurrences(output, "not a partition request: {not json")).as("logged once: not redelivered")
			.isEqualTo(1);
		assertThat(worker.isAlive()).isTrue();
	}

	private void publish(String body, String contentType, String typeId) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(contentType);
		if (typeId != null) {
			properties.setHeader("__TypeId__", typeId);
		}
		rabbit.send("", queue, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
