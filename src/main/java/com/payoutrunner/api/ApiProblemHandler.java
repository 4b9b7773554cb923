package com.payoutrunner.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunControl;
import com.payoutrunner.ledger.InsufficientFundsException;
import com.payoutrunner.reconciliation.ForeignStatementException;
import com.payoutrunner.schedule.ScheduleControls;
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

	static final String GENERIC = "the request failed on the server; give an operator the correlation id";

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

	@ExceptionHandler(ScheduleControls.NotRegisteredException.class)
	ProblemDetail scheduleNotRegistered(ScheduleControls.NotRegisteredException ex) {
		return Problems.detail(HttpStatus.CONFLICT, "schedule-not-registered", ex.getMessage());
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

	@ExceptionHandler(RunControl.RunActionRefusedException.class)
	ProblemDetail runActionRefused(RunControl.RunActionRefusedException ex) {
		return Problems.detail(HttpStatus.CONFLICT, ex.code(), ex.getMessage());
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
		// The reason may hold SQL and server paths: the log has it, the client an id.
		log.error("reconciliation failed: {}", ex.getMessage());
		if (ex.contentFault()) {
			// The statement's own content was refused (a value the database cannot
			// take): the client's mistake, not the server's.
			return withCorrelationId(Problems.detail(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-statement",
					"the statement holds a value that cannot be stored; nothing was applied; "
							+ "give an operator the correlation id for the details"));
		}
		return withCorrelationId(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "reconciliation-failed",
				"the reconciliation failed on the server and nothing of an unapplied statement changed; "
						+ "send the same statement again to resume, or give an operator the correlation id"));
	}

	@ExceptionHandler(RequestSizeFilter.BodyTooLargeException.class)
	ProblemDetail tooLarge(RequestSizeFilter.BodyTooLargeException ex) {
		return RequestSizeFilter.problem(ex.limit());
	}

	/** A body read past its limit fails inside the JSON reader: 413, not 400. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeFilter.BodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
			}
		}
		return handleExceptionInternal(ex,
				Problems.detail(HttpStatus.BAD_REQUEST, "malformed-request",
						"the request body is not well-formed JSON of the expected shape"),
				headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Spring MVC's own server errors: no internals, a correlation id. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (status.is5xxServerError()) {
			log.error("API request failed: {}", ex.getMessage(), ex);
			body = withCorrelationId(Problems.detail(HttpStatus.valueOf(status.value()), "internal-error", GENERIC));
		}
		return super.handleExceptionInternal(ex, body, headers, status, request);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return Problems.detail(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("API request failed: {}", ex.getMessage(), ex);
		return withCorrelationId(Problems.detail(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", GENERIC));
	}

	/**
	 * The id the log lines of this request carry ({@link CorrelationIdFilter}), so that
	 * what the client saw can be found in the log.
	 */
	static ProblemDetail withCorrelationId(ProblemDetail problem) {
		problem.setProperty(CorrelationIdFilter.MDC_KEY, CorrelationIdFilter.current());
		return problem;
	}

}
