package com.payoutrunner.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.Lazy;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.core.Money;
import com.payoutrunner.preview.PreviewTotals;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.payout.PayoutLifecycle;

/**
 * Decisions on runs that wait over the run ceiling: {@value #REQUIRED} approvals by
 * distinct people other than the launcher let the run go on (the caller then resumes it,
 * see {@link #resume}); one rejection is final: the run's queued lines are withdrawn (no
 * file or bank call can ever read them), its payouts are pending again for a later
 * deliberate run (rerun), their holds untouched (an API payout's hold reserves for a
 * pending payout as before the run), and the stopped execution is abandoned with exit
 * code {@code REJECTED}. The launcher may reject (withdraw) the run, never approve it.
 * Each decision is taken with the request row locked, so concurrent decisions count
 * exactly; the database refuses a second decision by one person, an approval by the
 * launcher, and any decision on a decided request.
 */
@Service
public class RunApprovals {

	/** Approvals a run over the ceiling needs, besides its launcher. */
	public static final int REQUIRED = 2;

	private static final Logger log = LoggerFactory.getLogger(RunApprovals.class);

	/** A decision the rules refuse (HTTP 409, CLI exit 1). */
	public static class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}

	}

	/** The run does not exist or never waited for approval (HTTP 404, CLI exit 2). */
	public static class NoRequestException extends IllegalArgumentException {

		NoRequestException(String message) {
			super(message);
		}

	}

	/** What a decision did: the request's status after it. */
	public record Decision(long jobExecutionId, long runId, String status, long approvals, int required) {

		public boolean approved() {
			return "approved".equals(status);
		}

	}

	/**
	 * Whether a run of these totals (a dry run's) would wait for approval: its gross,
	 * converted into the ceiling's currency, against the ceiling.
	 */
	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Assessment(boolean approvalRequired, String total, String ceiling, int approvalsRequired) {
	}

	private final RunApprovalRepository requests;

	private final RunCeilingSetting ceilingSetting;

	private final FxConverter fx;

	private final PayoutLifecycle lifecycle;

	private final AuditTrail audit;

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final PayoutRunOperations runs;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	RunApprovals(RunApprovalRepository requests, RunCeilingSetting ceilingSetting, FxConverter fx,
			PayoutLifecycle lifecycle, AuditTrail audit, JobRepository jobRepository,
			// Lazy: status reads approvals without the jobs (cli.QueryContext).
			@Lazy JobOperator jobOperator, @Lazy PayoutRunOperations runs,
			PlatformTransactionManager transactionManager, JsonMapper json, Clock clock) {
		this.requests = requests;
		this.ceilingSetting = ceilingSetting;
		this.fx = fx;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.runs = runs;
		this.transaction = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
	}

	public Decision approve(long jobExecutionId, String approver, String comment) {
		long runId = runOf(jobExecutionId);
		return transaction.execute(tx -> {
			RunApprovalRepository.Request request = lockAwaiting(runId, approver);
			if (approver.equals(request.launchedBy())) {
				throw new RefusedException(
						approver + " launched run " + runId + " and may not approve it: two other people must");
			}
			Instant now = clock.instant();
			record(runId, approver, "approve", comment, now);
			long approvals = requests.decisions(runId).stream().filter(d -> "approve".equals(d.decision())).count();
			String status = "awaiting";
			if (approvals >= request.approvalsRequired()) {
				requests.decide(runId, "approved", now);
				status = "approved";
			}
			audit.event("run", Long.toString(runId), "run_approved", AuditCategory.COMPLIANCE, "info", approver, runId,
					details(comment, approvals, status));
			return new Decision(request.jobExecutionId(), runId, status, approvals, request.approvalsRequired());
		});
	}

	public Decision reject(long jobExecutionId, String approver, String comment) {
		long runId = runOf(jobExecutionId);
		Decision decision = transaction.execute(tx -> {
			RunApprovalRepository.Request request = lockAwaiting(runId, approver);
			Instant now = clock.instant();
			record(runId, approver, "reject", comment, now);
			requests.decide(runId, "rejected", now);
			List<Long> released = requests.withdrawLines(runId, "run " + runId + " rejected by " + approver);
			String details = details(comment, 0, "rejected");
			lifecycle.runRejected(released, approver, runId, details);
			audit.event("run", Long.toString(runId), "run_rejected", AuditCategory.COMPLIANCE, "warning", approver,
					runId, details);
			return new Decision(request.jobExecutionId(), runId, "rejected", 0, request.approvalsRequired());
		});
		endRejected(runId, approver);
		return decision;
	}

	/**
	 * An abandoned run that never passed its gate gives its payouts back: its lines could
	 * otherwise never be sent (only the run's own resumption passes its gate), and their
	 * payouts would stay queued. A run that passed keeps its lines for the event's reruns
	 * to send.
	 * @return the payouts given back
	 */
	public List<Long> withdrawIfNotPastTheGate(long jobExecutionId, String by) {
		long runId = runOf(jobExecutionId);
		return transaction.execute(tx -> {
			if (requests.hasPassed(runId)) {
				return List.<Long>of();
			}
			List<Long> released = requests.withdrawLines(runId,
					"run " + runId + " abandoned by " + by + " before its run approval gate");
			lifecycle.runAbandoned(released, by, runId,
					details("abandoned before its run approval gate", 0, "abandoned"));
			return released;
		});
	}

	public Assessment assess(List<PreviewTotals.Row> totals) {
		RunCeiling ceiling = ceilingSetting.current();
		if (ceiling.isOff()) {
			return new Assessment(false, null, ceiling.toString(), REQUIRED);
		}
		Money gross = RunTotals.of(totals, ceiling.limit().currency(), fx).gross();
		return new Assessment(ceiling.isExceededBy(gross), RunCeiling.format(gross), RunCeiling.format(ceiling.limit()),
				REQUIRED);
	}

	/**
	 * Resumes an approved run where it stopped (as {@code restart} does): the gate lets
	 * it through to the bank files and the bank.
	 */
	public PayoutRunOperations.Result resume(long jobExecutionId) throws Exception {
		return resume(jobExecutionId, execution -> {
		});
	}

	/**
	 * As {@link #resume(long)}, telling {@code whenStarted} once the resumed execution
	 * has started.
	 */
	public PayoutRunOperations.Result resume(long jobExecutionId, Consumer<JobExecution> whenStarted) throws Exception {
		return runs.restartRunOf(jobRepository.getJobExecution(jobExecutionId).getJobParameters(), whenStarted);
	}

	/** The request of the run this execution belongs to, if it ever waited. */
	public Optional<RunApprovalView> ofExecution(long jobExecutionId) {
		JobExecution execution = execution(jobExecutionId);
		return execution == null ? Optional.empty() : ofRun(execution.getJobInstance().getInstanceId());
	}

	public Optional<RunApprovalView> ofRun(long runId) {
		return requests.find(runId).map(this::view);
	}

	/** Newest first; {@code status} awaiting, approved, rejected, or null for all. */
	public List<RunApprovalView> list(String status, int limit) {
		if (status != null && !List.of("awaiting", "approved", "rejected").contains(status)) {
			throw new IllegalArgumentException("status must be awaiting, approved or rejected, not '" + status + "'");
		}
		return requests.list(status, limit).stream().map(this::view).toList();
	}

	/** The execution of the event's run that awaits approval. */
	public long awaitingExecutionOf(String event) {
		return requests.list("awaiting", 500)
			.stream()
			.filter(request -> event.equals(request.event()))
			.map(RunApprovalRepository.Request::jobExecutionId)
			.findFirst()
			.orElseThrow(() -> new NoRequestException("no run of event " + event + " awaits approval"));
	}

	private long runOf(long jobExecutionId) {
		JobExecution execution = execution(jobExecutionId);
		if (execution == null) {
			throw new NoRequestException("no run " + jobExecutionId);
		}
		return execution.getJobInstance().getInstanceId();
	}

	/** Null when there is none (the JDBC repository throws rather than answer null). */
	private JobExecution execution(long jobExecutionId) {
		try {
			return jobRepository.getJobExecution(jobExecutionId);
		}
		catch (org.springframework.dao.EmptyResultDataAccessException none) {
			return null;
		}
	}

	private RunApprovalRepository.Request lockAwaiting(long runId, String approver) {
		RunApprovalRepository.Request request = requests.lock(runId)
			.orElseThrow(() -> new NoRequestException(
					"run " + runId + " has no approval request: it never went over" + " the run ceiling"));
		if (!request.isAwaiting()) {
			throw new RefusedException("run " + runId + " is " + request.status() + " already: a decision is final");
		}
		if (requests.decisions(runId).stream().anyMatch(d -> d.approver().equals(approver))) {
			throw new RefusedException(approver + " has already decided on run " + runId);
		}
		return request;
	}

	private void record(long runId, String approver, String decision, String comment, Instant at) {
		try {
			requests.insertDecision(runId, approver, decision, comment, at);
		}
		catch (DataIntegrityViolationException | UncategorizedDataAccessException ex) {
			// The database's own checks (one decision per person, never the launcher): a
			// concurrent request got there first.
			throw new RefusedException(approver + " may not " + decision + " run " + runId + ": "
					+ ex.getMostSpecificCause().getMessage());
		}
	}

	/**
	 * Final state for Spring Batch too: ABANDONED, never restarted; exit code REJECTED.
	 */
	private void endRejected(long runId, String approver) {
		JobExecution execution = jobRepository.getLastJobExecution(jobRepository.getJobInstance(runId));
		if (execution == null
				|| (execution.getStatus() != BatchStatus.STOPPED && execution.getStatus() != BatchStatus.FAILED)) {
			// Running right now: its gate finds the rejection and fails the execution.
			return;
		}
		try {
			JobExecution abandoned = jobOperator.abandon(execution);
			abandoned.setExitStatus(new ExitStatus("REJECTED", "rejected by " + approver + ": nothing was sent"));
			jobRepository.update(abandoned);
		}
		catch (Exception ex) {
			log.warn("run {} is rejected but execution {} could not be marked ABANDONED: {}", runId, execution.getId(),
					ex.getMessage());
		}
	}

	private RunApprovalView view(RunApprovalRepository.Request request) {
		List<RunApprovalView.Decision> decisions = requests.decisions(request.runId())
			.stream()
			.map(d -> new RunApprovalView.Decision(d.approver(), d.decision(), d.comment(), d.at()))
			.toList();
		return new RunApprovalView(request.jobExecutionId(), request.runId(), request.event(), request.schedule(),
				request.slot(), request.status(), request.launchedBy(), request.approvalsRequired(),
				decisions.stream().filter(d -> "approve".equals(d.decision())).count(), decisions,
				RunCeiling.format(request.ceiling()), RunCeiling.format(request.total()),
				json.readTree(request.totals()), request.requestedAt(), request.decidedAt());
	}

	private String details(String comment, long approvals, String status) {
		var node = json.createObjectNode();
		node.put("comment", comment);
		node.put("approvals", approvals);
		node.put("status", status);
		return json.writeValueAsString(node);
	}

}
