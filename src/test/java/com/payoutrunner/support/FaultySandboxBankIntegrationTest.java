package com.payoutrunner.support;

import org.springframework.test.context.TestPropertySource;

/**
 * The faulty bank's test context: the default context of {@link PostgresIntegrationTest}
 * with a sandbox bank that injects faults into 30% of the bulk requests (429, 502, 503,
 * 504 after storing, answers slower than the client waits, answers lost after storing),
 * deterministic from the seed, and refuses two accounts of the sample event for good.
 * Chunks of 20, a 250 ms request timeout and one retry within a submission, so that
 * retries, lookups and resends really happen; no run ceiling (its events are larger than
 * any). Settings no other test could share, hence a context of their own.
 */
@TestPropertySource(properties = { "payout.approvals.run-ceiling=none", "payout.chunk-size=20",
		"payout.bank.request-timeout=250ms", "payout.bank.retry.max-retries=1", "payout.sandbox-bank.faults.seed=2026",
		"payout.sandbox-bank.faults.rate=0.3", "payout.sandbox-bank.faults.retry-after=0s",
		"payout.sandbox-bank.faults.slow-response=400ms",
		"payout.sandbox-bank.faults.rejected-accounts=" + SandboxBankAccounts.REFUSED_IBAN + ","
				+ FaultySandboxBankIntegrationTest.REFUSED_SAMPLE_IBAN + ","
				+ FaultySandboxBankIntegrationTest.REFUSED_SAMPLE_ACCOUNT,
		"payout.bank-files.outbox=target/test-files/faulty-bank/outbox",
		"payout.bank-files.inbox=target/test-files/faulty-bank/inbox",
		"payout.bank-files.statements=target/test-files/faulty-bank/statements",
		"payout.bank-files.statement-inbox=target/test-files/faulty-bank/statements-inbox" })
public abstract class FaultySandboxBankIntegrationTest extends PostgresIntegrationTest {

	/** INV-0001's IBAN in the sample event: refused for good. */
	protected static final String REFUSED_SAMPLE_IBAN = "DE97370400448796100031";

	/** INV-0013's account number in the sample event: refused for good. */
	protected static final String REFUSED_SAMPLE_ACCOUNT = "8811372935";

}
