package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.config.InputLimits;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.Sha256;
import com.payoutrunner.core.TextFileCheck;
import com.payoutrunner.payout.EventLock;

/**
 * Reconciles a statement file by running {@code reconcileStatementJob}: new content
 * starts an instance, content reconciled before is already done, a failed or dead
 * instance of the same content is resumed. The file is read first, so an unreadable
 * statement, or one that is not of our accounts, is refused before anything starts (a
 * refusal of the latter kind is audited: someone tried to apply a statement that is not
 * the bank's statement of ours). Who delivered it decides whether its lines that give
 * money back apply at once ({@link Delivery}).
 */
@Service
public class StatementReconciler {

	/** Days a sent payout may wait for its statement before the report lists it. */
	public static final int DEFAULT_UNMATCHED_AFTER_DAYS = 3;

	/**
	 * The job ended without completing (nothing of an unapplied statement changed), or
	 * another process is reconciling the same statement right now.
	 */
	public static class ReconciliationFailedException extends RuntimeException {

		private final boolean inProgress;

		private final boolean contentFault;

		ReconciliationFailedException(String message, boolean inProgress) {
			this(message, inProgress, false);
		}

		ReconciliationFailedException(String message, boolean inProgress, boolean contentFault) {
			super(message);
			this.inProgress = inProgress;
			this.contentFault = contentFault;
		}

		public boolean inProgress() {
			return inProgress;
		}

		/**
		 * Whether the statement's own content made it fail (a value the database refuses,
		 * a line that cannot be read): trying it again fails the same way.
		 */
		public boolean contentFault() {
			return contentFault;
		}

	}

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job reconcileStatementJob;

	private final ReconciliationRepository repository;

	private final ReconciliationSummary summaries;

	private final EventLock locks;

	private final Path uploads;

	private final ReconciliationReportWriter reports;

	private final OurAccounts ourAccounts;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final long maxStatementBytes;

	private final InputLimits limits;

	StatementReconciler(JobOperator jobOperator, JobRepository jobRepository, Job reconcileStatementJob,
			ReconciliationRepository repository, ReconciliationSummary summaries, EventLock locks,
			PayoutRunnerProperties properties, ReconciliationReportWriter reports, OurAccounts ourAccounts,
			AuditTrail audit, JsonMapper json, InputLimits limits) {
		this.json = json;
		this.limits = limits;
		this.maxStatementBytes = limits.maxStatementBytes().toBytes();
		this.ourAccounts = ourAccounts;
		this.audit = audit;
		this.uploads = properties.bankFiles().statements();
		this.reports = reports;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.reconcileStatementJob = reconcileStatementJob;
		this.repository = repository;
		this.summaries = summaries;
		this.locks = locks;
	}

	/**
	 * @param delivery who or what delivered it: the inbox, or an operator's command
	 * @throws StatementFileException when the file cannot be read as a statement, or
	 * ({@link ForeignStatementException}) is not a statement of our accounts; nothing is
	 * applied
	 * @throws ReconciliationFailedException when the job failed (run the same file again
	 * to resume it)
	 */
	public ReconciliationResult reconcile(Path file, int unmatchedAfterDays, Delivery delivery) throws Exception {
		if (unmatchedAfterDays < 0) {
			throw new IllegalArgumentException("--unmatched-after-days must be 0 or more, got " + unmatchedAfterDays);
		}
		Path absolute = file.toAbsolutePath().normalize();
		byte[] content = read(absolute);
		checkOurs(absolute.getFileName().toString(), content, delivery);
		return reconcileChecked(absolute, content, unmatchedAfterDays, delivery);
	}

	/**
	 * Reads the statement and checks it names our accounts only.
	 * @throws ForeignStatementException when it does not (audited)
	 */
	private void checkOurs(String name, byte[] content, Delivery delivery) {
		Statement statement = StatementFiles.read(content, limits);
		try {
			ourAccounts.check(statement);
		}
		catch (ForeignStatementException ex) {
			audit.event("reconciliation_statement", Sha256.hex(content).substring(0, 16), "statement_refused",
					AuditCategory.FINANCIAL, "warning", delivery.deliveredBy(), null, json.writeValueAsString(
							json.createObjectNode().put("statement", name).put("reason", ex.getMessage())));
			throw ex;
		}
	}

	/** A statement read from {@code file}, known to parse and to be ours. */
	private ReconciliationResult reconcileChecked(Path file, byte[] content, int unmatchedAfterDays, Delivery delivery)
			throws Exception {
		String hash = Sha256.hex(content);
		JobParameters parameters = new JobParametersBuilder()
			.addString(ReconcileStatementJobParameters.STATEMENT_SHA256, hash)
			.addString(ReconcileStatementJobParameters.FILE, file.toString(), false)
			.addLong(ReconcileStatementJobParameters.UNMATCHED_AFTER_DAYS, (long) unmatchedAfterDays, false)
			.addString(ReconcileStatementJobParameters.DELIVERED_BY, delivery.deliveredBy(), false)
			.toJobParameters();
		JobExecution execution;
		try (var lock = locks.acquire("statement:" + hash)) {
			JobExecution last = jobRepository.getLastJobExecution(ReconcileStatementJobConfiguration.JOB_NAME,
					parameters);
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				// Applied before: nothing to do but say what is still overdue as of now.
				return reports.write(recorded(hash), true, unmatchedAfterDays).result();
			}
			if (last != null
					&& (last.getStatus() == BatchStatus.ABANDONED || last.getStatus() == BatchStatus.UNKNOWN)) {
				throw new ReconciliationFailedException(file + ": its reconciliation (execution " + last.getId()
						+ ") is " + last.getStatus() + " and cannot be resumed; " + applied(hash), false);
			}
			if (last != null && last.getStatus().isRunning()) {
				// We hold the statement's lock: the process that left it running is gone.
				jobOperator.recover(last);
			}
			execution = jobOperator.start(reconcileStatementJob, parameters);
		}
		catch (EventLock.EventBusyException ex) {
			throw new ReconciliationFailedException(
					file + ": this statement is being reconciled by another process right now", true);
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw new ReconciliationFailedException(file + ": reconciliation " + execution.getStatus() + " (execution "
					+ execution.getId() + "): " + failure(execution) + "; " + applied(hash)
					+ (causedByContent(execution) ? "; the statement's own content was refused: correct it"
							: "; reconcile the same file again to resume"),
					false, causedByContent(execution));
		}
		// From the repository: an execution found there carries its steps without their
		// contexts.
		StepExecution report = jobRepository.getLastStepExecution(execution.getJobInstance(),
				ReconcileStatementJobConfiguration.REPORT_STEP);
		if (report == null) {
			throw new IllegalStateException("execution " + execution.getId() + " has no report step");
		}
		var statement = recorded(hash);
		boolean alreadyApplied = !statement.appliedBy(execution.getJobInstance().getInstanceId());
		return summaries.result(statement, alreadyApplied,
				report.getExecutionContext().getInt(ReconcileStatementJobConfiguration.OVERDUE), unmatchedAfterDays,
				Path.of(report.getExecutionContext().getString(ReconcileStatementJobConfiguration.REPORT)));
	}

	private ReconciliationRepository.StatementRow recorded(String hash) {
		return repository.findStatement(hash)
			.orElseThrow(() -> new IllegalStateException("statement " + hash + " was not recorded"));
	}

	/** The first failure's message, not the stack trace the exit description holds. */
	private static String failure(JobExecution execution) {
		return execution.getAllFailureExceptions()
			.stream()
			.findFirst()
			.map(Throwable::getMessage)
			.orElse(execution.getExitStatus().getExitDescription().lines().findFirst().orElse("no reason given"));
	}

	/**
	 * Whether the statement itself made the job fail rather than the infrastructure: a
	 * value the database refuses as such (not a lost connection), or text that cannot be
	 * decoded.
	 */
	private static boolean causedByContent(JobExecution execution) {
		return execution.getAllFailureExceptions().stream().anyMatch(failure -> {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof DataIntegrityViolationException || cause instanceof StatementFileException
						|| cause instanceof TextFileCheck.NotTextException
						|| cause instanceof java.nio.charset.CharacterCodingException) {
					return true;
				}
			}
			return false;
		});
	}

	/**
	 * Whether the failed instance's statement is applied: what an operator needs to know.
	 */
	private String applied(String hash) {
		return repository.findStatement(hash)
			.map(statement -> "the statement is applied (its report is what is missing)")
			.orElse("nothing of the statement was applied");
	}

	/**
	 * Keeps a statement sent to the API as a file ({@code <statements>/<sha256
	 * prefix>/<name>}, once per content and name) and reconciles it like one given to the
	 * CLI.
	 * @param delivery the API user who sent it
	 * @throws StatementFileException when it cannot be read as a statement, or is not of
	 * our accounts; nothing is kept or applied
	 */
	public ReconciliationResult reconcile(String name, byte[] content, int unmatchedAfterDays, Delivery delivery)
			throws Exception {
		if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
			throw new IllegalArgumentException("file_name '" + name
					+ "' must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		if (unmatchedAfterDays < 0) {
			throw new IllegalArgumentException("unmatched_after_days must be 0 or more, got " + unmatchedAfterDays);
		}
		if (content.length == 0) {
			throw new StatementFileException(0, "the statement is empty");
		}
		checkOurs(name, content, delivery);
		// A folder per content, so that the statement keeps its own name.
		Path file = uploads.toAbsolutePath().normalize().resolve(Sha256.hex(content).substring(0, 16)).resolve(name);
		if (!Files.isRegularFile(file)) {
			// Statements hold accounts and amounts: their folder is the owner's alone.
			com.payoutrunner.core.OwnerOnlyFiles.createDirectories(file.getParent());
			Path partial = Files.createTempFile(file.getParent(), ".upload-", ".part");
			Files.write(partial, content);
			Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		return reconcileChecked(file, content, unmatchedAfterDays, delivery);
	}

	/**
	 * {@link #reconcile(String, byte[], int, Delivery)} for a statement the API streamed
	 * to a temporary file (which the caller deletes).
	 */
	public ReconciliationResult reconcileUpload(String name, Path upload, int unmatchedAfterDays, Delivery delivery)
			throws Exception {
		return reconcile(name, read(upload), unmatchedAfterDays, delivery);
	}

	/** The one-line JSON summary, also printed last by the CLI. */
	public String summaryJson(ReconciliationResult result) {
		return summaries.toJson(result);
	}

	private byte[] read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + ": file not found");
		}
		try {
			if (Files.size(file) > maxStatementBytes) {
				throw new StatementFileException(0, "the statement is larger than " + maxStatementBytes
						+ " bytes (payout.limits.max-statement-bytes)");
			}
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + ": cannot read: " + ex.getMessage(), ex);
		}
	}

}
