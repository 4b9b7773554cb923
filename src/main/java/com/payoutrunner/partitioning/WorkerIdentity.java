package com.payoutrunner.partitioning;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who runs a partition: the configured worker name, else {@code host:pid}. Recorded in
 * each partition's execution context under {@link #CONTEXT_KEY}, shown by {@code status}
 * and the API, and the {@code worker} tag of this process's metrics.
 */
public record WorkerIdentity(String name) {

	public static final String CONTEXT_KEY = "worker";

	public static WorkerIdentity of(String configured) {
		if (configured != null && !configured.isBlank()) {
			return new WorkerIdentity(configured.strip());
		}
		return new WorkerIdentity(host() + ":" + ProcessHandle.current().pid());
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
		}
	}

}
