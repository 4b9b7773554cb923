package com.payoutrunner.partitioning;

import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * Spring Batch's {@link MessageChannelPartitionHandler} (it sends a
 * {@code StepExecutionRequest} per partition, then polls the job repository until none is
 * running), with the {@link QuietPartitionReaper} watching the partitions while it waits:
 * a dead worker never ends its partition, the reaper does. When the requests cannot all
 * be sent (the broker stayed away longer than {@code send-patience}) or the step fails
 * otherwise, the partitions no worker has taken yet are failed before the step fails, so
 * that a request already on the queue finds its partition ended and is skipped, rather
 * than run beside a restart.
 */
class WatchedPartitionHandler extends MessageChannelPartitionHandler {

	private static final Logger log = LoggerFactory.getLogger(WatchedPartitionHandler.class);

	private final QuietPartitionReaper reaper;

	private final String queue;

	WatchedPartitionHandler(QuietPartitionReaper reaper, String queue) {
		this.reaper = reaper;
		this.queue = queue;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		if (partitions.isEmpty()) {
			return partitions;
		}
		Set<Long> ids = partitions.stream().map(StepExecution::getId).collect(Collectors.toSet());
		try (AutoCloseable watch = reaper.watch(manager.getJobExecutionId(), ids)) {
			log.info("{}: sending {} partition request(s) to {}", manager.getStepName(), partitions.size(), queue);
			return super.doHandle(manager, partitions);
		}
		catch (RuntimeException failed) {
			// Mostly a request that could not be sent; in any case the step fails, and a
			// request still on the queue must not run for it.
			try {
				reaper.failUntaken(ids, "the manager step failed before a worker took this partition ("
						+ failed.getMessage() + "): marked FAILED; restart sends it again");
			}
			catch (RuntimeException alsoFailed) {
				failed.addSuppressed(alsoFailed);
			}
			throw failed;
		}
	}

}
