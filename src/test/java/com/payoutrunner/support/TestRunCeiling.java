package com.payoutrunner.support;

import com.payoutrunner.approval.RunCeiling;
import com.payoutrunner.approval.RunCeilingSetting;

/**
 * The run ceiling of the running application as a test sets it
 * ({@code ceiling.set("EUR 1000")}, {@code ceiling.turnOff()}), given back to the
 * configured one ({@code payout.approvals.run-ceiling}) after the test.
 */
public class TestRunCeiling implements RunCeilingSetting, RestoredAfterEachTest {

	private final RunCeilingSetting configured;

	private volatile RunCeiling set;

	TestRunCeiling(RunCeilingSetting configured) {
		this.configured = configured;
	}

	/** As the setting is written: an amount with its currency, or none. */
	public void set(String ceiling) {
		set = RunCeiling.parse(ceiling);
	}

	/**
	 * For runs over events larger than any fixed ceiling, or over every event's open
	 * payouts: the gate has tests of its own.
	 */
	public void turnOff() {
		set("none");
	}

	@Override
	public RunCeiling current() {
		RunCeiling ceiling = set;
		return ceiling != null ? ceiling : configured.current();
	}

	@Override
	public void restore() {
		set = null;
	}

}
