package com.payoutrunner.sandboxbank;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic fault injection for the sandbox bank: from a seed, a share {@code rate}
 * of bulk requests meets one of the faults real banks have, chosen evenly; orders to the
 * {@code rejectedAccounts} (external account id, IBAN or account number) are refused for
 * good, and the {@code unknownAccounts} (external account ids) are not held by the bank.
 *
 * @param retryAfter what a 429 asks the client to wait
 * @param slowResponse how long a slow response takes (set it past the client's timeout)
 */
public record SandboxBankFaults(long seed, double rate, Duration retryAfter, Duration slowResponse,
		Set<String> rejectedAccounts, Set<String> unknownAccounts) {

	public enum Fault {

		/** 429 with Retry-After; nothing stored. */
		RATE_LIMITED,
		/** 502 from a gateway that never reached the bank; nothing stored. */
		BAD_GATEWAY,
		/** 503; nothing stored. */
		UNAVAILABLE,
		/** The bank stores the orders, then the gateway answers 504. */
		GATEWAY_TIMEOUT,
		/** The bank stores the orders and answers late. */
		SLOW,
		/** The bank stores the orders and the connection drops before the answer. */
		RESPONSE_LOST

	}

	public SandboxBankFaults {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + rate);
		}
		rejectedAccounts = Set.copyOf(rejectedAccounts);
		unknownAccounts = Set.copyOf(unknownAccounts);
	}

	public static SandboxBankFaults none() {
		return new SandboxBankFaults(0, 0, Duration.ofSeconds(1), Duration.ZERO, Set.of(), Set.of());
	}

	/** A seeded sequence of faults (null for a request that goes through). */
	public Injector injector() {
		return new Injector(new Random(seed), rate);
	}

	/** Draws the fault of each request in turn; thread-safe. */
	public static final class Injector {

		private static final List<Fault> FAULTS = List.of(Fault.values());

		private final Random random;

		private final double rate;

		Injector(Random random, double rate) {
			this.random = random;
			this.rate = rate;
		}

		public synchronized Fault next() {
			if (random.nextDouble() >= rate) {
				return null;
			}
			return FAULTS.get(random.nextInt(FAULTS.size()));
		}

	}

}
