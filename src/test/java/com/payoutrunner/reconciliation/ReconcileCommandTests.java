package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.payoutrunner.cli.PayoutRunnerCli;

/**
 * Bad usage is refused before the application (and its database) starts: exit code 2.
 */
class ReconcileCommandTests {

	@Test
	void aMissingFileOrANegativeNumberOfDaysIsBadUsage() {
		assertThat(PayoutRunnerCli.execute("reconcile", "--file", "target/no-such-statement.csv"))
			.isEqualTo(PayoutRunnerCli.USAGE);
		assertThat(PayoutRunnerCli.execute("reconcile", "--file", "pom.xml", "--unmatched-after-days", "-1"))
			.isEqualTo(PayoutRunnerCli.USAGE);
		assertThat(PayoutRunnerCli.execute("reconcile")).isEqualTo(PayoutRunnerCli.USAGE);
	}

}
