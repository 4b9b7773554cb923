package com.payoutrunner.partitioning;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * This process as a worker ({@code worker} command): where it takes requests from, and
 * how it stops: no new requests, running partitions stopped at a chunk boundary (STOPPED,
 * restartable), requests it had not started left on the queue for other workers.
 */
public class PartitionWorker {

	private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

	private final SimpleMessageListenerContainer container;

	private final RunningPartitions running;

	private final WorkerIdentity identity;

	private final PartitioningProperties properties;

	PartitionWorker(SimpleMessageListenerContainer container, RunningPartitions running, WorkerIdentity identity,
			PartitioningProperties properties) {
		this.container = container;
		this.running = running;
		this.identity = identity;
		this.properties = properties;
	}

	public String name() {
		return identity.name();
	}

	public String queue() {
		return properties.requestQueue();
	}

	/**
	 * @return false when partitions were still running after {@code patience}
	 */
	public boolean stop(Duration patience) throws InterruptedException {
		log.warn("worker {}: stopping; running partitions stop at their next chunk boundary", identity.name());
		Thread stopper = new Thread(container::stop, "worker-stop");
		stopper.start();
		boolean stopped = running.stopAll(patience);
		stopper.join(patience.toMillis());
		return stopped;
	}

}
