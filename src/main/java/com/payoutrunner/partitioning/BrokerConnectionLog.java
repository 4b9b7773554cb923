package com.payoutrunner.partitioning;

import java.util.concurrent.atomic.AtomicBoolean;

import com.rabbitmq.client.ShutdownSignalException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.core.NestedExceptionUtils;

/**
 * Tells the operator, on stderr, when a worker loses the broker (it closed the
 * connection: a restart), when it cannot reach it (each try, every 5 s) and when it can
 * again: the listener container reconnects by itself, but says so only in the log file.
 */
class BrokerConnectionLog implements ConnectionListener {

	private static final Logger log = LoggerFactory.getLogger(BrokerConnectionLog.class);

	private final WorkerIdentity identity;

	private final String broker;

	private final AtomicBoolean cutOff = new AtomicBoolean();

	BrokerConnectionLog(WorkerIdentity identity, String broker) {
		this.identity = identity;
		this.broker = broker;
	}

	@Override
	public void onFailed(Exception failure) {
		cutOff.set(true);
		log.warn("worker {}: cannot reach RabbitMQ at {} ({}); trying again in 5 s", identity.name(), broker,
				NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
	}

	@Override
	public void onShutDown(ShutdownSignalException signal) {
		if (!signal.isInitiatedByApplication()) {
			cutOff.set(true);
			log.warn("worker {}: lost RabbitMQ at {} ({}); reconnecting", identity.name(), broker, signal.getMessage());
		}
	}

	@Override
	public void onCreate(Connection connection) {
		if (cutOff.compareAndSet(true, false)) {
			log.warn("worker {}: connected to RabbitMQ at {} again; taking partitions", identity.name(), broker);
		}
	}

}
