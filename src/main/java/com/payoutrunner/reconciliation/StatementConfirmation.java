package com.payoutrunner.reconciliation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.payout.PayoutReference;
import com.payoutrunner.reconciliation.ReconciliationRepository.LineRow;
import com.payoutrunner.reconciliation.ReconciliationRepository.StoredLine;
import com.payoutrunner.reconciliation.ReconciliationRepository.StatementRow;

/**
 * The second pair of eyes on a statement that did not come through the inbox: its lines
 * that give money back (settled for less, returns) waited as
 * {@code pending_confirmation}; confirming applies them, in one transaction with the
 * statement row locked. Never by who delivered it (the API user, or the operator named by
 * {@code cli:<user>}); the database checks that as well. Each line is matched again
 * against the payouts as they are now, by the same rules as when it arrived: one that no
 * longer applies (a later statement settled or returned its payout) becomes
 * {@code unmatched} with the reason, the others apply as a statement from the inbox would
 * have. One audit event for the confirmation, then the usual events per payout, hold and
 * batch, all naming the confirmer.
 */
@Service
public class StatementConfirmation {

	/** No such statement. */
	public static class UnknownStatementException extends RuntimeException {

		UnknownStatementException(long id) {
			super("no statement " + id);
		}

	}

	/** Nothing to confirm, or not by this user. */
	public static class ConfirmationRefusedException extends RuntimeException {

		ConfirmationRefusedException(String message) {
			super(message);
		}

	}

	/**
	 * What a confirmation did.
	 *
	 * @param applied lines applied; {@code noLongerApplicable} lines that became
	 * unmatched
	 */
	public record Confirmed(long statementId, String confirmedBy, int applied, int noLongerApplicable, int settled,
			int settledForLess, int returned) {
	}

	private final ReconciliationRepository repository;

	private final StatementApplier applier;

	private final AuditTrail audit;

	private final JsonMapper json;

	StatementConfirmation(ReconciliationRepository repository, StatementApplier applier, AuditTrail audit,
			JsonMapper json) {
		this.repository = repository;
		this.applier = applier;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @param user the API user who confirms (by login name)
	 */
	@Transactional
	public Confirmed confirm(long statementId, String user, String comment) {
		String confirmer = Delivery.apiActor(user);
		StatementRow statement = repository.lockStatement(statementId)
			.orElseThrow(() -> new UnknownStatementException(statementId));
		if (statement.confirmedBy() != null) {
			throw new ConfirmationRefusedException(
					"statement " + statementId + " was confirmed by " + statement.confirmedBy() + " already");
		}
		if (statement.pendingConfirmation() == 0) {
			throw new ConfirmationRefusedException(
					"statement " + statementId + " has no line waiting for confirmation: nothing to confirm");
		}
		if (new Delivery(statement.deliveredBy()).isBy(user)) {
			throw new ConfirmationRefusedException(
					user + " delivered statement " + statementId + " and may not confirm it: a second person must");
		}
		List<StoredLine> pending = repository.pendingLines(statementId);
		List<Long> payoutIds = pending.stream()
			.flatMap(line -> Arrays.stream(line.row().payoutIds().split(" ")))
			.map(Long::valueOf)
			.distinct()
			.toList();
		List<SentPayout> locked = repository.lockNamed(payoutIds, List.of());
		// In the pending lines' order, one match per line.
		List<LineMatch> matches = new StatementMatcher(locked)
			.match(pending.stream().map(line -> line(line.row())).toList());
		List<LineMatch.Matched> applicable = new ArrayList<>();
		int stale = 0;
		for (int i = 0; i < matches.size(); i++) {
			if (matches.get(i) instanceof LineMatch.Matched matched) {
				applicable.add(matched);
				String reason = StatementApplier.matchedReason(matched);
				repository.resolvePendingLine(pending.get(i).id(), "matched",
						(reason.isEmpty() ? "" : reason + "; ") + "confirmed by " + confirmer);
			}
			else {
				stale++;
				repository.resolvePendingLine(pending.get(i).id(), "unmatched",
						"no longer applies when confirmed by " + confirmer + ": " + whyNot(matches.get(i)));
			}
		}
		StatementApplier.Applied applied = applier.applyMatches(statementId, statement.fileName(), applicable,
				confirmer);
		repository.confirmStatement(statementId, confirmer, applicable.size(), stale, applied);
		audit.event("reconciliation_statement", Long.toString(statementId), "statement_confirmed",
				AuditCategory.FINANCIAL, "warning", confirmer, null,
				json.writeValueAsString(json.createObjectNode()
					.put("statement", statement.fileName())
					.put("delivered_by", statement.deliveredBy())
					.put("lines_applied", applicable.size())
					.put("lines_no_longer_applicable", stale)
					.put("settled_for_less", applied.settledForLess())
					.put("returned", applied.returned())
					.put("comment", comment)));
		return new Confirmed(statementId, confirmer, applicable.size(), stale, applied.settled(),
				applied.settledForLess(), applied.returned());
	}

	/**
	 * The line as the statement gave it, naming its payouts by reference: a return, or a
	 * booking for less with its charges or reason code.
	 */
	private static StatementLine line(LineRow row) {
		boolean returned = "returned".equals(row.outcome());
		List<String> references = Arrays.stream(row.payoutIds().split(" "))
			.map(id -> PayoutReference.shortForm(Long.parseLong(id)))
			.toList();
		return new StatementLine(row.line(), row.bookingDate(), row.amount(),
				returned ? StatementLine.Direction.CREDIT : StatementLine.Direction.DEBIT,
				returned ? StatementLine.EntryStatus.RETURNED : StatementLine.EntryStatus.BOOKED, row.bankReference(),
				references, null, row.returnReason(), row.charges(), row.reasonCode());
	}

	private static String whyNot(LineMatch match) {
		if (match instanceof LineMatch.Unmatched unmatched) {
			return unmatched.reason();
		}
		if (match instanceof LineMatch.NeedsReview review) {
			return review.reason();
		}
		return "not a booked or returned line";
	}

}
