package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.payout.PayoutReference;

/**
 * Reconciles one bank statement: reads it (CSV or camt.053), matches its lines to sent
 * payouts and applies the matches in one transaction: booked lines settle their payouts,
 * returned lines return them with the bank's code, batches become settled or partial, an
 * audit event per payout and per batch. The statement is recorded by its content hash in
 * the same transaction, so the same statement again (under any name, or twice at once)
 * changes nothing. The report is written after the commit, from what was applied.
 *
 * <p>
 * Holds are released (settled: the balance debited) or cancelled (returned) in this same
 * transaction, next to the payouts' status change.
 */
@Service
public class StatementReconciler {

	/** Days a sent payout may wait for its statement before the report lists it. */
	public static final int DEFAULT_UNMATCHED_AFTER_DAYS = 3;

	private static final Logger log = LoggerFactory.getLogger(StatementReconciler.class);

	private final ReconciliationRepository repository;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final Clock clock;

	private final Path reportsRoot;

	private final Ledger ledger;

	public StatementReconciler(ReconciliationRepository repository, AuditTrail audit,
			PlatformTransactionManager transactionManager, JsonMapper json, Clock clock,
			PayoutRunnerProperties properties, Ledger ledger) {
		this.ledger = ledger;
		this.repository = repository;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactionManager);
		this.json = json;
		this.clock = clock;
		this.reportsRoot = properties.reportsDir();
	}

	/**
	 * @throws StatementFileException when the file cannot be read as a statement; nothing
	 * is applied
	 */
	public ReconciliationResult reconcile(Path file, int unmatchedAfterDays) {
		if (unmatchedAfterDays < 0) {
			throw new IllegalArgumentException("--unmatched-after-days must be 0 or more, got " + unmatchedAfterDays);
		}
		String name = file.getFileName().toString();
		byte[] content = read(file);
		Statement statement = StatementFiles.read(content);
		Applied applied;
		try {
			applied = transaction.execute(tx -> apply(name, sha256(content), statement));
		}
		catch (DuplicateKeyException ex) {
			log.info("{}: the same statement was reconciled before; nothing to do", name);
			applied = null;
		}
		Instant now = clock.instant();
		List<SentPayout> overdue = repository.sentBefore(now.minus(Duration.ofDays(unmatchedAfterDays)));
		Path directory = ReconciliationReport.newDirectory(reportsRoot, name, now);
		List<LineMatch> matches = applied == null ? List.of() : applied.matches();
		Path report = ReconciliationReport.write(directory, matches, applied == null ? List.of() : statement.rejected(),
				overdue, now);
		ReconciliationResult result = result(name, statement, applied, overdue.size(), unmatchedAfterDays, report);
		write(directory.resolve("reconciliation-summary.json"), summaryJson(result));
		return result;
	}

	/** The statement's effect, inside its transaction. */
	private Applied apply(String name, String hash, Statement statement) {
		long statementId = repository.recordStatement(name, hash, statement.format(),
				statement.lines().size() + statement.rejected().size());
		List<SentPayout> named = repository.lockNamed(namedIds(statement), namedOrders(statement));
		List<LineMatch> matches = new StatementMatcher(named).match(statement.lines());
		Changes changes = new Changes();
		for (LineMatch match : matches) {
			if (match instanceof LineMatch.Matched matched) {
				changes.add(matched);
			}
		}
		int settled = repository.settle(changes.settledIds);
		int returned = repository.markReturned(changes.returnedIds, changes.returnReasons);
		if (settled != changes.settledIds.size() || returned != changes.returnedIds.size()) {
			// The rows were locked and checked as sent: anything else is a bug, and the
			// whole statement rolls back.
			throw new IllegalStateException(
					"statement " + name + ": expected to settle " + changes.settledIds.size() + " and return "
							+ changes.returnedIds.size() + " payouts, changed " + settled + " and " + returned);
		}
		repository.recordMatches(statementId, changes.lines, changes.ids, changes.outcomes, changes.amounts,
				changes.currencies, changes.bankReferences, changes.reasons);
		String actor = "statement:" + name;
		// API payouts reserved their amount: a settled one debits the balance, a returned
		// one
		// gives the reservation back (the money came back).
		changes.settledIds.forEach(id -> ledger.settleHoldInFull(id, actor));
		changes.returnedIds.forEach(id -> ledger.cancelHold(id, actor));
		audit.payoutEvents("settled", AuditCategory.FINANCIAL, "info", actor, null, changes.settledIds,
				changes.settledDetails);
		audit.payoutEvents("returned", AuditCategory.FINANCIAL, "error", actor, null, changes.returnedIds,
				changes.returnedDetails);
		List<ReconciliationRepository.BatchSettlement> batches = repository
			.updateBatches(new ArrayList<>(changes.batchIds));
		for (var batch : batches) {
			audit.event("payout_batch", Long.toString(batch.id()), "batch_" + batch.status(), AuditCategory.FINANCIAL,
					"info", actor, null,
					json.writeValueAsString(json.createObjectNode()
						.put("statement", name)
						.put("reference", batch.reference())
						.put("settlement_status", batch.status())));
		}
		int matched = (int) matches.stream().filter(LineMatch.Matched.class::isInstance).count();
		int unmatched = (int) matches.stream().filter(LineMatch.Unmatched.class::isInstance).count();
		repository.countStatement(statementId, matched, unmatched, statement.rejected().size());
		return new Applied(matches, settled, returned, batches);
	}

	private static List<Long> namedIds(Statement statement) {
		Set<Long> ids = new LinkedHashSet<>();
		for (StatementLine line : statement.lines()) {
			for (String reference : line.endToEndIds()) {
				OptionalLong id = PayoutReference.payoutId(reference);
				id.ifPresent(ids::add);
			}
		}
		return List.copyOf(ids);
	}

	private static List<String> namedOrders(Statement statement) {
		return statement.lines()
			.stream()
			.map(StatementLine::paymentOrderId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
	}

	private ReconciliationResult result(String name, Statement statement, Applied applied, int overdue,
			int unmatchedAfterDays, Path report) {
		int lines = statement.lines().size() + statement.rejected().size();
		if (applied == null) {
			return new ReconciliationResult(name, statement.format(), true, lines, 0, 0, 0, 0, 0, 0, overdue,
					unmatchedAfterDays, 0, 0, report);
		}
		return new ReconciliationResult(name, statement.format(), false, lines,
				count(applied.matches(), LineMatch.Matched.class), applied.settled(), applied.returned(),
				count(applied.matches(), LineMatch.Unmatched.class), statement.rejected().size(),
				count(applied.matches(), LineMatch.Ignored.class), overdue, unmatchedAfterDays,
				(int) applied.batches().stream().filter(batch -> "settled".equals(batch.status())).count(),
				(int) applied.batches().stream().filter(batch -> "partial".equals(batch.status())).count(), report);
	}

	private static int count(List<LineMatch> matches, Class<? extends LineMatch> kind) {
		return (int) matches.stream().filter(kind::isInstance).count();
	}

	/** The one-line JSON summary, also printed last by the CLI. */
	public String summaryJson(ReconciliationResult result) {
		return json.writeValueAsString(json.createObjectNode()
			.put("statement", result.statement())
			.put("format", result.format())
			.put("status", result.alreadyApplied() ? "already_applied" : "applied")
			.put("lines", result.lines())
			.put("matched", result.matchedLines())
			.put("settled", result.settled())
			.put("returned", result.returned())
			.put("unmatched", result.unmatchedLines())
			.put("rejected", result.rejectedRows())
			.put("ignored", result.ignoredLines())
			.put("overdue", result.overdue())
			.put("unmatched_after_days", result.unmatchedAfterDays())
			.put("batches_settled", result.batchesSettled())
			.put("batches_partial", result.batchesPartial())
			.put("report", result.report().toString()));
	}

	private record Applied(List<LineMatch> matches, int settled, int returned,
			List<ReconciliationRepository.BatchSettlement> batches) {
	}

	/** The matches as parallel lists, for set-based statements. */
	private final class Changes {

		final List<Long> settledIds = new ArrayList<>();

		final List<String> settledDetails = new ArrayList<>();

		final List<Long> returnedIds = new ArrayList<>();

		final List<String> returnReasons = new ArrayList<>();

		final List<String> returnedDetails = new ArrayList<>();

		final List<Integer> lines = new ArrayList<>();

		final List<Long> ids = new ArrayList<>();

		final List<String> outcomes = new ArrayList<>();

		final List<Long> amounts = new ArrayList<>();

		final List<String> currencies = new ArrayList<>();

		final List<String> bankReferences = new ArrayList<>();

		final List<String> reasons = new ArrayList<>();

		final Set<Long> batchIds = new LinkedHashSet<>();

		void add(LineMatch.Matched matched) {
			StatementLine line = matched.line();
			for (SentPayout payout : matched.payouts()) {
				String details = json.writeValueAsString(json.createObjectNode()
					.put("line", line.line())
					.put("booking_date", line.bookingDate().toString())
					.put("bank_reference", line.bankReference())
					.put("statement_amount", line.amount().toString())
					.put("rail_amount", payout.railAmount().toString())
					.put("netted_with", matched.payouts().size() - 1)
					.put("return_reason", line.returnReason()));
				if (matched.returned()) {
					returnedIds.add(payout.id());
					returnReasons.add(line.returnReason());
					returnedDetails.add(details);
				}
				else {
					settledIds.add(payout.id());
					settledDetails.add(details);
				}
				lines.add(line.line());
				ids.add(payout.id());
				outcomes.add(matched.returned() ? "returned" : "settled");
				amounts.add(payout.railAmount().minorUnits());
				currencies.add(payout.railAmount().code());
				bankReferences.add(line.bankReference());
				reasons.add(line.returnReason());
				batchIds.add(payout.batchId());
			}
		}

	}

	private static byte[] read(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException(file + ": file not found");
		}
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(file + ": cannot read: " + ex.getMessage(), ex);
		}
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static String sha256(byte[] content) {
		return com.payoutrunner.core.Sha256.hex(content);
	}

}
