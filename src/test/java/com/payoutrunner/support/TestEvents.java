package com.payoutrunner.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Event ids unique within a test run (and across runs, thanks to the time prefix), so
 * tests never share rows.
 */
public final class TestEvents {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36).toUpperCase();

	private TestEvents() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
	}

}
