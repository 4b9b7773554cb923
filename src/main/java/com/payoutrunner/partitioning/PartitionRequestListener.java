package com.payoutrunner.partitioning;

import java.io.IOException;

import com.rabbitmq.client.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.messaging.Message;

/**
 * A worker's side of remote partitioning: runs the partition a request names, then
 * acknowledges the request (manual acknowledgement: a worker that dies before leaves it
 * to the broker to deliver again). A request whose partition is no longer STARTING (it
 * ran, runs elsewhere, or the manager gave up on it) or that another delivery claimed
 * first is acknowledged and skipped: a partition never runs twice.
 */
class PartitionRequestListener {

	private static final Logger log = LoggerFactory.getLogger(PartitionRequestListener.class);

	private final JobRepository jobRepository;

	private final BeanFactory steps;

	private final PartitionHeartbeats heartbeats;

	private final WorkerHeartbeat heartbeat;

	private final WorkerIdentity identity;

	private final java.util.Set<StepExecution> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

	PartitionRequestListener(JobRepository jobRepository, BeanFactory steps, PartitionHeartbeats heartbeats,
			WorkerHeartbeat heartbeat, WorkerIdentity identity) {
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.heartbeats = heartbeats;
		this.heartbeat = heartbeat;
		this.identity = identity;
	}

	void handle(Message<?> message) throws IOException {
		Channel channel = message.getHeaders().get(AmqpHeaders.CHANNEL, Channel.class);
		long deliveryTag = message.getHeaders().get(AmqpHeaders.DELIVERY_TAG, Long.class);
		PartitionRequest request;
		try {
			Object payload = message.getPayload();
			request = PartitionRequest.fromJson(payload instanceof String text
					? text.getBytes(java.nio.charset.StandardCharsets.UTF_8) : (byte[]) payload);
		}
		catch (RuntimeException unreadable) {
			log.error("worker {}: dropping a message that is not a partition request: {}", identity.name(),
					unreadable.getMessage());
			channel.basicAck(deliveryTag, false);
			return;
		}
		StepExecution partition;
		try {
			partition = jobRepository.getStepExecution(request.stepExecutionId());
		}
		catch (RuntimeException databaseDown) {
			log.warn("worker {}: cannot read partition {} from the job repository ({}); handing the request back",
					identity.name(), request.stepExecutionId(), databaseDown.getMessage());
			pause();
			channel.basicNack(deliveryTag, false, true);
			return;
		}
		try {
			run(request, partition);
		}
		finally {
			channel.basicAck(deliveryTag, false);
		}
	}

	private void run(PartitionRequest request, StepExecution partition) {
		if (partition == null) {
			log.warn("worker {}: no step execution {} in the job repository; request acknowledged and skipped",
					identity.name(), request.stepExecutionId());
			return;
		}
		if (partition.getStatus() != BatchStatus.STARTING || !heartbeats.claim(partition.getId(), identity.name())) {
			log.warn(
					"worker {}: partition {} (step execution {}) is {} or taken by another worker: "
							+ "request delivered again, acknowledged and skipped",
					identity.name(), partition.getStepName(), partition.getId(), partition.getStatus());
			return;
		}
		Step step = steps.getBean(request.step(), Step.class);
		log.info("worker {}: running {} (step execution {})", identity.name(), partition.getStepName(),
				partition.getId());
		heartbeat.started(partition.getId());
		running.add(partition);
		try {
			step.execute(partition);
		}
		catch (JobInterruptedException stopped) {
			partition.setStatus(BatchStatus.STOPPED);
			jobRepository.update(partition);
		}
		catch (Throwable failure) {
			partition.addFailureException(failure);
			partition.setStatus(BatchStatus.FAILED);
			jobRepository.update(partition);
		}
		finally {
			running.remove(partition);
			heartbeat.ended(partition.getId());
			heartbeats.end(partition.getId());
		}
		log.info("worker {}: {} ended {}: read {}, written {}, skipped {}", identity.name(), partition.getStepName(),
				partition.getStatus(), partition.getReadCount(), partition.getWriteCount(), partition.getSkipCount());
	}

	/**
	 * Asks the partitions running here to stop at their next chunk boundary (they end
	 * STOPPED, and the manager's step with them); waits up to {@code patience}.
	 * @return false when some were still running after the wait
	 */
	boolean stopRunning(java.time.Duration patience) throws InterruptedException {
		running.forEach(StepExecution::setTerminateOnly);
		long deadline = System.nanoTime() + patience.toNanos();
		while (!running.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return running.isEmpty();
	}

	private static void pause() {
		try {
			Thread.sleep(5_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
