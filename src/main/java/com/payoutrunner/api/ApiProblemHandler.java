package com.payoutrunner.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.ledger.InsufficientFundsException;
import com.payoutrunner.reconciliation.ForeignStatementException;
import com.payoutrunner.reconciliation.StatementConfirmation;
import com.payoutrunner.reconciliation.StatementFileException;
import com.payoutrunner.reconciliation.StatementReconciler;
import com.payoutrunner.requests.PayoutApprovals;
import com.payoutrunner.requests.PayoutCancellation;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.payout.EventLock;

/**
 * Every error of the API as an RFC 9457 problem: Spring MVC's own (malformed JSON, wrong
 * method, unknown path) through the base class, the domain's here. No stack trace reaches
 * a client; unexpected errors are logged with theirs.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(PayoutRunOperations.UnknownEventException.class)
	ProblemDetail unknownEvent(PayoutRunOperations.UnknownEventException ex) {
		return Problems.detail(HttpStatus.NOT_FOUND, "unknown-event", ex.getMessage());
	}

	@ExceptionHandler(EventLock.EventBusyException.class)
	ProblemDetail busy(EventLock.EventBusyException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "run-in-progress", ex.getMessage());
	}

	@ExceptionHandler(PayoutCreation.InvalidRequestException.class)
	ProblemDetail invalidPayout(PayoutCreation.InvalidRequestException ex) {
		ProblemDetail problem = Problems.detail(HttpStatus.BAD_REQUEST, "invalid-payout",
				"the payout request has " + ex.errors().size() + " invalid field(s)");
		problem.setProperty("errors",
				ex.errors()
					.stream()
					.map(error -> java.util.Map.of("field", error.field(), "message", error.message()))
					.toList());
		return problem;
	}

	@ExceptionHandler(PayoutCreation.KeyReusedException.class)
	ProblemDetail keyReused(PayoutCreation.KeyReusedException ex) {
		return Problems.detail(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", ex.getMessage());
	}

	@ExceptionHandler(InsufficientFundsException.class)
	ProblemDetail insufficientFunds(InsufficientFundsException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "insufficient_funds", ex.getMessage());
	}

	@ExceptionHandler(PayoutCancellation.NotCancellableException.class)
	ProblemDetail notCancellable(PayoutCancellation.NotCancellableException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "not-cancellable", ex.getMessage());
	}

	@ExceptionHandler(PayoutApprovals.ApprovalRefusedException.class)
	ProblemDetail approvalRefused(PayoutApprovals.ApprovalRefusedException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "approval-refused", ex.getMessage());
	}

	@ExceptionHandler(ForeignStatementException.class)
	ProblemDetail foreignStatement(ForeignStatementException ex) {
		return statementProblem(HttpStatus.UNPROCESSABLE_CONTENT, "statement-not-ours",
				"not a statement of our accounts, nothing applied: ", ex);
	}

	@ExceptionHandler(StatementConfirmation.UnknownStatementException.class)
	ProblemDetail unknownStatement(StatementConfirmation.UnknownStatementException ex) {
		return Problems.detail(HttpStatus.NOT_FOUND, "unknown-statement", ex.getMessage());
	}

	@ExceptionHandler(StatementConfirmation.ConfirmationRefusedException.class)
	ProblemDetail confirmationRefused(StatementConfirmation.ConfirmationRefusedException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "confirmation-refused", ex.getMessage());
	}

	@ExceptionHandler(PayoutRunOperations.RunNotPastItsGateException.class)
	ProblemDetail runNotPastItsGate(PayoutRunOperations.RunNotPastItsGateException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "run-not-past-its-gate", ex.getMessage());
	}

	@ExceptionHandler(RunApprovals.RefusedException.class)
	ProblemDetail runApprovalRefused(RunApprovals.RefusedException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "run-approval-refused", ex.getMessage());
	}

	@ExceptionHandler(RunApprovals.NoRequestException.class)
	ProblemDetail noRunApproval(RunApprovals.NoRequestException ex) {
		return Problems.detail(HttpStatus.NOT_FOUND, "no-run-approval-request", ex.getMessage());
	}

	@ExceptionHandler(StatementFileException.class)
	ProblemDetail invalidStatement(StatementFileException ex) {
		return statementProblem(HttpStatus.BAD_REQUEST, "invalid-statement", "unreadable statement, nothing applied: ",
				ex);
	}

	/** A statement refused whole, with the line at fault when there is one. */
	private static ProblemDetail statementProblem(HttpStatus status, String type, String what,
			StatementFileException ex) {
		ProblemDetail problem = Problems.detail(status, type, what + ex.getMessage());
		if (ex.line() > 0) {
			problem.setProperty("line", ex.line());
		}
		return problem;
	}

	@ExceptionHandler(StatementReconciler.ReconciliationFailedException.class)
	ProblemDetail reconciliationFailed(StatementReconciler.ReconciliationFailedException ex) {
		if (ex.inProgress()) {
			return Problems.detail(HttpStatus.CONFLICT, "reconciliation-in-progress", ex.getMessage());
		}
		log.error("reconciliation failed: {}", ex.getMessage());
		return Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "reconciliation-failed", ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return Problems.detail(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("API request failed: {}", ex.getMessage(), ex);
		return Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"the request failed on the server; see the server log");
	}

}
