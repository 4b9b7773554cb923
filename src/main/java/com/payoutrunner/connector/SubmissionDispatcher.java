package com.payoutrunner.connector;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what to ask the bank for a chunk's saved orders, so that no order is ever
 * created twice:
 * <ul>
 * <li>a new order is sent once;</li>
 * <li>an order sent before (a crash or a lost answer left it in doubt) is first looked up
 * by key: found is accepted; not found is sent again, same key and same body; when the
 * bank cannot be asked it stays in doubt;</li>
 * <li>for an order sent before, a transport failure of the resend settles nothing: it
 * stays in doubt (only the bank's own answer about the order counts).</li>
 * </ul>
 * Pure decision logic over a {@link PaymentConnector}; one outcome per order.
 */
public class SubmissionDispatcher {

	private final PaymentConnector connector;

	public SubmissionDispatcher(PaymentConnector connector) {
		this.connector = connector;
	}

	public List<SubmissionOutcome> dispatch(List<PaymentOrderSubmission> orders) {
		List<SubmissionOutcome> outcomes = new ArrayList<>(orders.size());
		List<PaymentOrderSubmission> toSend = new ArrayList<>(orders.size());
		List<PaymentOrderSubmission> inDoubt = orders.stream().filter(PaymentOrderSubmission::sentBefore).toList();
		if (!inDoubt.isEmpty()) {
			List<SubmissionOutcome> found = connector
				.lookup(inDoubt.stream().map(PaymentOrderSubmission::idempotencyKey).toList());
			for (int i = 0; i < inDoubt.size(); i++) {
				SubmissionOutcome answer = found.get(i);
				if (answer.fromBank() && answer.status() == SubmissionOutcome.Status.FAILED) {
					toSend.add(inDoubt.get(i));
				}
				else {
					outcomes.add(answer);
				}
			}
		}
		orders.stream().filter(order -> !order.sentBefore()).forEach(toSend::add);
		List<SubmissionOutcome> sent = connector.submit(toSend);
		for (int i = 0; i < toSend.size(); i++) {
			outcomes.add(toSend.get(i).sentBefore() ? sent.get(i).afterEarlierAttempt() : sent.get(i));
		}
		return outcomes;
	}

}
