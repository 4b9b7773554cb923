package com.payoutrunner.connector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what to ask the bank for a chunk's saved orders, so that no order is ever
 * created twice:
 * <ul>
 * <li>an order sent before (a crash or a lost answer left it in doubt) is first looked up
 * by key: found is accepted; not found is sent again, same key and same body; when the
 * bank cannot be asked it stays in doubt;</li>
 * <li>a transport failure (429, 503, timeout, connection lost) is tried again with the
 * same key and body, after the {@link BackoffPolicy}'s wait; the bank's own answer about
 * an order (accepted, rejected) is final at once;</li>
 * <li>once a try may have reached the bank, a later transport failure settles nothing:
 * the order stays in doubt (only the bank's own answer about it counts).</li>
 * </ul>
 * One outcome per order, in no particular order.
 */
class SubmissionDispatcher {

	private static final Logger log = LoggerFactory.getLogger(SubmissionDispatcher.class);

	private final PaymentConnector connector;

	private final BackoffPolicy backoff;

	private final Sleeper sleeper;

	private final DoubleSupplier random;

	public SubmissionDispatcher(PaymentConnector connector, BackoffPolicy backoff, Sleeper sleeper,
			DoubleSupplier random) {
		this.connector = connector;
		this.backoff = backoff;
		this.sleeper = sleeper;
		this.random = random;
	}

	public List<SubmissionOutcome> dispatch(List<PaymentOrderSubmission> orders) {
		Map<UUID, SubmissionOutcome> outcomes = new LinkedHashMap<>();
		Set<UUID> mayHaveReachedBank = new HashSet<>();
		List<PaymentOrderSubmission> toSend = new ArrayList<>(orders.size());
		List<PaymentOrderSubmission> inDoubt = orders.stream().filter(PaymentOrderSubmission::sentBefore).toList();
		if (!inDoubt.isEmpty()) {
			List<SubmissionOutcome> found = connector
				.lookup(inDoubt.stream().map(PaymentOrderSubmission::idempotencyKey).toList());
			for (int i = 0; i < inDoubt.size(); i++) {
				SubmissionOutcome answer = found.get(i);
				mayHaveReachedBank.add(answer.idempotencyKey());
				if (answer.fromBank() && answer.status() == SubmissionOutcome.Status.FAILED) {
					toSend.add(inDoubt.get(i));
				}
				else {
					outcomes.put(answer.idempotencyKey(), answer);
				}
			}
		}
		orders.stream().filter(order -> !order.sentBefore()).forEach(toSend::add);
		for (int retry = 0; !toSend.isEmpty(); retry++) {
			List<SubmissionOutcome> answers = connector.submit(toSend);
			List<PaymentOrderSubmission> again = new ArrayList<>();
			Duration retryAfter = null;
			for (int i = 0; i < toSend.size(); i++) {
				SubmissionOutcome answer = answers.get(i);
				UUID key = answer.idempotencyKey();
				outcomes.put(key, mayHaveReachedBank.contains(key) ? answer.afterEarlierAttempt() : answer);
				if (answer.status() == SubmissionOutcome.Status.UNKNOWN) {
					mayHaveReachedBank.add(key);
				}
				if (answer.isTransient() && retry < backoff.maxRetries()) {
					again.add(toSend.get(i));
					retryAfter = later(retryAfter, answer.retryAfter());
				}
			}
			if (retryAfter != null && retryAfter.compareTo(backoff.maxDelay()) > 0) {
				// The bank asks for a longer pause than a submission may wait (with a
				// chunk's
				// transaction open): these orders stay failed, and a later run tries
				// them.
				log.warn("the bank asks to wait {} s, more than the {} s cap: leaving {} orders to a later run",
						retryAfter.toSeconds(), backoff.maxDelay().toSeconds(), again.size());
				again = List.of();
			}
			if (!again.isEmpty()) {
				Duration wait = backoff.delayBefore(retry + 1, retryAfter, random);
				log.info("{} of {} orders failed in transit ({}); trying again in {} ms", again.size(), toSend.size(),
						outcomes.get(again.get(0).idempotencyKey()).reasonCode(), wait.toMillis());
				if (!sleep(wait)) {
					break;
				}
			}
			toSend = again;
		}
		return new ArrayList<>(outcomes.values());
	}

	private boolean sleep(Duration wait) {
		try {
			sleeper.sleep(wait);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Duration later(Duration a, Duration b) {
		if (a == null || b == null) {
			return a == null ? b : a;
		}
		return a.compareTo(b) >= 0 ? a : b;
	}

}
