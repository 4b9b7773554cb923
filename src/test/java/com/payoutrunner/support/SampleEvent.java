package com.payoutrunner.support;

import java.nio.file.Path;

/** The shipped sample liquidation event, imported by tests under their own event ids. */
public final class SampleEvent {

	public static final Path FILE = Path.of("jobs/examples/LIQ-2024-001.csv");

	public static final int PAYOUTS = 52;

	/**
	 * INV-0004 (no external account), INV-0027 (method Crypto), INV-0049 (no country).
	 */
	public static final int INELIGIBLE = 3;

	public static final int ELIGIBLE = PAYOUTS - INELIGIBLE;

	private SampleEvent() {
	}

}
