package com.payoutrunner.partitioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code payout.partitioning.*} (docs/scale-out.md).
 *
 * @param mode where a partitioned step's partitions run: {@code local} on threads of this
 * process, {@code remote} on worker processes through RabbitMQ
 * @param gridSize partitions per partitioned step (local: also the threads that run them)
 * @param queuePrefix the request queue is {@code <queue-prefix>.partition-requests}: one
 * per cluster (tests use their own)
 * @param workerTimeout a partition STARTED by a worker that has not beaten its heartbeat
 * for this long is marked FAILED by the manager
 * @param pollInterval how often the manager looks at its partitions in the job repository
 * @param workerName how a worker names itself in the partitions it runs; empty:
 * {@code host:pid}
 * @param sendPatience how long the manager keeps trying to put a partition request on the
 * queue while the broker is away (a restart) before its step fails
 * @param stallTimeout a STARTED partition that commits no chunk for this long is marked
 * FAILED by the manager even though its worker beats its heartbeat (a hung worker)
 */
@ConfigurationProperties("payout.partitioning")
public record PartitioningProperties(@DefaultValue("local") Mode mode, @DefaultValue("2") int gridSize,
		@DefaultValue("payout-runner") String queuePrefix, @DefaultValue("60s") Duration workerTimeout,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("") String workerName,
		@DefaultValue("2m") Duration sendPatience, @DefaultValue("30m") Duration stallTimeout) {

	/** Where partitions run. */
	public enum Mode {

		LOCAL, REMOTE

	}

	public PartitioningProperties {
		if (gridSize < 1 || gridSize > 256) {
			throw new IllegalArgumentException(
					"payout.partitioning.grid-size must be between 1 and 256, got " + gridSize);
		}
		if (!queuePrefix.matches("[A-Za-z0-9._-]{1,100}")) {
			throw new IllegalArgumentException(
					"payout.partitioning.queue-prefix must be letters, digits, '.', '_' or '-', got '" + queuePrefix
							+ "'");
		}
		if (workerTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException(
					"payout.partitioning.worker-timeout must be at least 2s, got " + workerTimeout);
		}
		if (stallTimeout.compareTo(Duration.ofSeconds(2)) < 0) {
			throw new IllegalArgumentException(
					"payout.partitioning.stall-timeout must be at least 2s, got " + stallTimeout);
		}
	}

	public String requestQueue() {
		return queuePrefix + ".partition-requests";
	}

	/** How often a worker beats its heartbeat: a quarter of the timeout. */
	public Duration heartbeatInterval() {
		return workerTimeout.dividedBy(4);
	}

}
