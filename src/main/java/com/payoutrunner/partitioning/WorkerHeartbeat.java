package com.payoutrunner.partitioning;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beats the heartbeat of the partitions this worker runs, on a thread of its own, so that
 * a chunk that waits long on a slow bank still counts as alive; only a dead (or cut off)
 * worker goes quiet.
 */
class WorkerHeartbeat implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

	private final PartitionHeartbeats heartbeats;

	private final RunningPartitions running;

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "partition-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	WorkerHeartbeat(PartitionHeartbeats heartbeats, RunningPartitions running, Duration interval) {
		this.heartbeats = heartbeats;
		this.running = running;
		timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void beat() {
		var ids = running.ids();
		try {
			heartbeats.beat(ids);
		}
		catch (RuntimeException ex) {
			log.warn("worker: cannot beat the heartbeat of partitions {} (database unreachable?): {}; retrying", ids,
					ex.getMessage());
		}
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}
