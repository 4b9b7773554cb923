package com.payoutrunner.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.payout.PayoutLifecycle;

/**
 * Submits a chunk of lines to the bank in one bulk request, in three moves:
 * <ol>
 * <li>in its own, committed transaction: save each new line's submission (status sending,
 * idempotency key, exact body) and mark line and payout sending. After a crash the key
 * and body are known, whatever happened next;</li>
 * <li>call the bank once with the chunk's new orders; orders left sending by a crash or a
 * lost answer are first looked up at the bank by key, and sent again (same key, same
 * body) only when the bank says it holds no order for them;</li>
 * <li>in the chunk's transaction: record the outcomes as data, move the lines, and tell
 * {@link PayoutLifecycle} which payouts were sent and which failed.</li>
 * </ol>
 * Used in a step that is not fault tolerant: Spring Batch never scans or re-writes this
 * writer's items.
 */
public class PaymentOrderWriter implements ItemWriter<SubmittableLine>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(PaymentOrderWriter.class);

	private final PaymentConnectors connectors;

	private final SubmissionRepository submissions;

	private final PaymentOrderBodies bodies;

	private final PayoutLifecycle lifecycle;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	private final List<Duration> resubmissionDelays;

	private StepExecution stepExecution;

	public PaymentOrderWriter(PaymentConnectors connectors, SubmissionRepository submissions, PaymentOrderBodies bodies,
			PayoutLifecycle lifecycle, TransactionTemplate newTransaction, Clock clock,
			List<Duration> resubmissionDelays) {
		this.connectors = connectors;
		this.submissions = submissions;
		this.bodies = bodies;
		this.lifecycle = lifecycle;
		this.newTransaction = newTransaction;
		this.clock = clock;
		this.resubmissionDelays = List.copyOf(resubmissionDelays);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void write(Chunk<? extends SubmittableLine> chunk) {
		long jobExecutionId = stepExecution.getJobExecution().getId();
		long runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
		List<SubmittableLine> lines = new ArrayList<>(chunk.getItems());
		Map<UUID, String> connectorOf = new HashMap<>();
		lines.forEach(line -> connectorOf.put(line.idempotencyKey(), line.connector()));

		List<PaymentOrderSubmission> orders = newTransaction.execute(tx -> {
			List<SubmittableLine> fresh = lines.stream().filter(SubmittableLine::isQueued).toList();
			Map<Long, PaymentOrderSubmission> saved = new LinkedHashMap<>();
			fresh.stream()
				.collect(Collectors.groupingBy(SubmittableLine::connector))
				.forEach((connector, group) -> saved.putAll(submissions.saveSendingFirstAttempt(runId, jobExecutionId,
						connector, group, group.stream().map(bodies::bodyOf).toList())));
			lifecycle.startSending(fresh.stream().map(SubmittableLine::payoutId).toList());
			// Lines left sending (a crash, a lost answer) are sent again; their attempt
			// is counted now.
			List<PaymentOrderSubmission> all = new ArrayList<>(saved.values());
			all.addAll(submissions.toSend(runId, jobExecutionId,
					lines.stream().map(SubmittableLine::lineId).filter(id -> !saved.containsKey(id)).toList()));
			return all;
		});

		List<SubmissionOutcome> outcomes = new ArrayList<>(orders.size());
		orders.stream()
			.collect(Collectors.groupingBy(order -> connectorOf.get(order.idempotencyKey())))
			.forEach((connector, group) -> outcomes.addAll(connectors.dispatcherFor(connector).dispatch(group)));

		applyToPayouts(runId, submissions.recordOutcomes(outcomes));
		log.debug("run {} execution {}: {} orders: {}", runId, jobExecutionId, orders.size(), summarize(outcomes));
	}

	private void applyToPayouts(long runId, List<SubmissionRepository.LineChange> changes) {
		Map<String, List<SubmissionRepository.LineChange>> byStatus = changes.stream()
			.collect(Collectors.groupingBy(SubmissionRepository.LineChange::lineStatus));
		List<SubmissionRepository.LineChange> sent = byStatus.getOrDefault("accepted", List.of());
		List<SubmissionRepository.LineChange> unpaid = new ArrayList<>(byStatus.getOrDefault("failed", List.of()));
		unpaid.addAll(byStatus.getOrDefault("rejected", List.of()));
		lifecycle.markSent(sent.stream()
			.map(change -> new PayoutLifecycle.Sent(change.payoutId(), change.paymentOrderId(), null))
			.toList(), runId);
		var recorded = lifecycle.recordFailures(unpaid.stream()
			.map(change -> new PayoutLifecycle.Failure(change.payoutId(), change.failureReason(),
					"rejected".equals(change.lineStatus())))
			.toList(), clock.instant(), resubmissionDelays, runId);
		long deadLettered = recorded.stream().filter(PayoutLifecycle.FailureRecorded::deadLettered).count();
		if (!unpaid.isEmpty()) {
			log.warn("run {}: {} payout(s) not paid, {} of them now in the dead-letter queue: {}", runId, unpaid.size(),
					deadLettered, firstIds(unpaid));
		}
	}

	private static List<Long> payoutIds(List<SubmissionRepository.LineChange> changes) {
		return changes.stream().map(SubmissionRepository.LineChange::payoutId).toList();
	}

	private static String firstIds(List<SubmissionRepository.LineChange> changes) {
		List<Long> ids = payoutIds(changes);
		return ids.size() <= 20 ? ids.toString() : ids.subList(0, 20) + " and " + (ids.size() - 20) + " more";
	}

	private static String summarize(List<SubmissionOutcome> outcomes) {
		var counts = new java.util.EnumMap<SubmissionOutcome.Status, Integer>(SubmissionOutcome.Status.class);
		outcomes.forEach(o -> counts.merge(o.status(), 1, Integer::sum));
		return counts.toString();
	}

}
