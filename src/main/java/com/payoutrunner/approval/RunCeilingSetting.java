package com.payoutrunner.approval;

/**
 * The run ceiling in force ({@code payout.approvals.run-ceiling}, read once at start-up).
 * The gate and the decisions ask it each time instead of keeping the value, so that a
 * test can put a ceiling of its own in the running application, as it puts its own clock.
 */
@FunctionalInterface
public interface RunCeilingSetting {

	RunCeiling current();

}
