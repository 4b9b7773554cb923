package com.payoutrunner.housekeeping;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.payoutrunner.batching.DeadRunRecovery;
import com.payoutrunner.connector.file.inbox.BankInbox;
import com.payoutrunner.reconciliation.StatementInbox;
import com.payoutrunner.requests.HoldExpiry;
import com.payoutrunner.requests.PayoutApprovals;

/**
 * What {@code serve} does in the background every 30 s: resumes dead runs, expires
 * approval requests and holds, applies the bank's answers and reconciles the statements
 * dropped in the inbox. Started by serve only (lazy: one-off commands never build it);
 * each sweep on its own, so that one failing does not stop the others.
 */
@Component
@Lazy
public class ServeSweeps implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ServeSweeps.class);

	static final Duration EVERY = Duration.ofSeconds(30);

	private final DeadRunRecovery deadRuns;

	private final PayoutApprovals approvals;

	private final HoldExpiry holds;

	private final BankInbox bankAnswers;

	private final StatementInbox statements;

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "serve-sweeps");
		thread.setDaemon(true);
		return thread;
	});

	ServeSweeps(DeadRunRecovery deadRuns, PayoutApprovals approvals, HoldExpiry holds, BankInbox bankAnswers,
			StatementInbox statements) {
		this.deadRuns = deadRuns;
		this.approvals = approvals;
		this.holds = holds;
		this.bankAnswers = bankAnswers;
		this.statements = statements;
	}

	/** Sweeps now, then every 30 s until closed. */
	public void start() {
		executor.scheduleWithFixedDelay(this::sweepAll, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
	}

	void sweepAll() {
		sweep("dead-run", deadRuns::sweep);
		// Approvals first, so that an unanswered request is cancelled as such.
		sweep("approval expiry", approvals::expire);
		sweep("hold expiry", holds::sweep);
		// The bank's answers before its statements: a rejection found in a status report
		// is applied before a statement could name the payout.
		sweep("bank inbox", bankAnswers::processAll);
		sweep("statement inbox", statements::processAll);
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}

	private static void sweep(String what, Runnable sweep) {
		try {
			sweep.run();
		}
		catch (RuntimeException ex) {
			log.warn("{} sweep failed: {}", what, ex.getMessage());
		}
	}

}
