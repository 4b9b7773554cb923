package com.payoutrunner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.reconciliation.Delivery;
import com.payoutrunner.reconciliation.ForeignStatementException;
import com.payoutrunner.reconciliation.ReconciliationResult;
import com.payoutrunner.reconciliation.StatementFileException;
import com.payoutrunner.reconciliation.StatementReconciler;

@Command(name = "reconcile", mixinStandardHelpOptions = true, description = {
		"Reconciles a bank statement (the CSV format of jobs/README.md, or ISO 20022 camt.053) with "
				+ "the payouts sent, as the Spring Batch job reconcileStatementJob: booked lines settle them (a "
				+ "single payout booked for less, with charges or a reason code, settles for less), returned lines "
				+ "return them with the bank's code (after settlement too), batches become settled or partial. "
				+ "The statement must name one of our accounts (payout.reconciliation.accounts). Lines that give "
				+ "money back (settled for less, returns) wait for a second person: "
				+ "POST /api/reconciliations/{id}/confirm (docs/statements.md); the statements inbox applies them "
				+ "at once. The same statement twice changes nothing; a failed reconciliation resumes when given "
				+ "the same file again.",
		"Writes reports/reconciliation/<statement>-<time>/reconciliation.csv; prints the summary JSON last.",
		"Exit status: 0 all matched, 1 unmatched or unreadable lines, payouts settled for less, sent payouts "
				+ "unmatched after the given days, lines needing review or confirmation, or a failed job, 2 bad "
				+ "usage, an unreadable statement or one not of our accounts." })
class ReconcileCommand implements Callable<Integer> {

	StatementReconciler statementReconciler;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(StatementReconciler statementReconciler) {
		this.statementReconciler = statementReconciler;
	}

	@Option(names = "--file", required = true, paramLabel = "PATH", description = "the statement file")
	Path file;

	@Option(names = "--unmatched-after-days", paramLabel = "N",
			description = "list sent payouts no statement has settled after N days (default: ${DEFAULT-VALUE})")
	int unmatchedAfterDays = StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS;

	@Override
	public Integer call() throws Exception {
		if (unmatchedAfterDays < 0) {
			throw new IllegalArgumentException("--unmatched-after-days must be 0 or more, got " + unmatchedAfterDays);
		}
		if (!file.toFile().isFile()) {
			throw new IllegalArgumentException(file + ": file not found");
		}
		try (var context = SpringContext.start(this)) {
			StatementReconciler reconciler = statementReconciler;
			ReconciliationResult result;
			try {
				result = reconciler.reconcile(file, unmatchedAfterDays, Delivery.cli(System.getProperty("user.name")));
			}
			catch (ForeignStatementException ex) {
				System.err.println("payout-runner: " + file + ": not a statement of our accounts, nothing applied: "
						+ ex.getMessage().replace('\n', ' '));
				return PayoutRunnerCli.USAGE;
			}
			catch (StatementFileException ex) {
				System.err.println("payout-runner: " + file + ": unreadable statement, nothing applied: "
						+ ex.getMessage().replace('\n', ' '));
				return PayoutRunnerCli.USAGE;
			}
			catch (StatementReconciler.ReconciliationFailedException ex) {
				System.err.println("payout-runner: " + ex.getMessage());
				return PayoutRunnerCli.FAILED;
			}
			if (result.alreadyApplied()) {
				System.out.println(file + ": this statement was reconciled before; nothing changed");
			}
			if (result.pendingConfirmation() > 0) {
				System.out.println(file + ": " + result.pendingConfirmation() + " line(s) give money back and wait for "
						+ "someone other than " + result.deliveredBy() + " to confirm them: POST /api/reconciliations/"
						+ result.statementId() + "/confirm");
			}
			System.out.println("report: " + result.report());
			System.out.println(reconciler.summaryJson(result));
			return result.needsAttention() ? PayoutRunnerCli.FAILED : PayoutRunnerCli.COMPLETED;
		}
	}

}
