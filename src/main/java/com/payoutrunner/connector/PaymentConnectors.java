package com.payoutrunner.connector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The configured connectors by name, each with the dispatcher that sends through it. */
public final class PaymentConnectors {

	private final Map<String, SubmissionDispatcher> dispatchers = new LinkedHashMap<>();

	public PaymentConnectors(List<PaymentConnector> connectors,
			Function<PaymentConnector, SubmissionDispatcher> dispatcher) {
		for (PaymentConnector connector : connectors) {
			if (dispatchers.put(connector.name(), dispatcher.apply(connector)) != null) {
				throw new IllegalStateException("two connectors are named " + connector.name());
			}
		}
	}

	public Set<String> names() {
		return dispatchers.keySet();
	}

	public SubmissionDispatcher dispatcherFor(String connector) {
		SubmissionDispatcher dispatcher = dispatchers.get(connector);
		if (dispatcher == null) {
			throw new IllegalStateException("no connector named " + connector + " (known: " + names() + ")");
		}
		return dispatcher;
	}

}
