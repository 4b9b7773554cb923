package com.payoutrunner.partitioning;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * On the worker steps: writes which process runs a partition into its execution context
 * ({@link WorkerIdentity#CONTEXT_KEY}) and keeps the partitions running in this process,
 * for the heartbeat ({@link WorkerHeartbeat}) and for a worker that is asked to stop.
 */
class RunningPartitions implements StepExecutionListener {

	private final WorkerIdentity identity;

	/** By id: an execution's hash may change as it runs. */
	private final Map<Long, StepExecution> running = new ConcurrentHashMap<>();

	RunningPartitions(WorkerIdentity identity) {
		this.identity = identity;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		stepExecution.getExecutionContext().putString(WorkerIdentity.CONTEXT_KEY, identity.name());
		running.put(stepExecution.getId(), stepExecution);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		running.remove(stepExecution.getId());
		return null;
	}

	List<Long> ids() {
		return List.copyOf(running.keySet());
	}

	/**
	 * Asks the partitions running here to stop at their next chunk boundary (they end
	 * STOPPED, and the manager's step with them); waits up to {@code patience}.
	 * @return false when some were still running after the wait
	 */
	boolean stopAll(Duration patience) throws InterruptedException {
		running.values().forEach(StepExecution::setTerminateOnly);
		long deadline = System.nanoTime() + patience.toNanos();
		while (!running.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		return running.isEmpty();
	}

}
