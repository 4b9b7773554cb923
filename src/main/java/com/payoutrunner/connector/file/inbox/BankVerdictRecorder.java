package com.payoutrunner.connector.file.inbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.connector.file.BankFileWriter;
import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.payout.PayoutReference;

/**
 * Applies the bank's verdicts to the payouts they name, in the caller's transaction: each
 * is noted on the submission and handed to {@link PayoutLifecycle}: accepted is an audit
 * event; rejected (no money moved) puts the payout in the dead-letter queue without its
 * order (an API payout's hold given back), for an operator to fix and retry or cancel;
 * returned (paid, then sent back, even after a statement settled it) is the same return
 * as a statement's, which gives an API payout's money back. A verdict already recorded is
 * not applied twice. A verdict that names no payout sent in a file is unmatched, with the
 * reason.
 */
@Repository
public class BankVerdictRecorder {

	private static final Logger log = LoggerFactory.getLogger(BankVerdictRecorder.class);

	private static final String FIND_ORDER = """
			SELECT p.id, p.status, p.created_at, s.id AS submission_id, s.connector, s.bank_verdict, l.id AS line_id
			FROM payouts p
			JOIN payout_batch_lines l ON l.payout_id = p.id AND l.status = 'accepted'
			JOIN payment_submissions s ON s.batch_line_id = l.id
			WHERE p.id = :id
			FOR UPDATE OF p""";

	private static final String LOCK_PAYOUTS = """
			SELECT id FROM payouts WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR UPDATE""";

	private static final String NOTE_VERDICT = """
			UPDATE payment_submissions SET bank_verdict = :verdict, bank_verdict_code = :code, bank_verdict_file = :file,
			    updated_at = now()
			WHERE id = :id""";

	private static final String REJECT_LINE = """
			UPDATE payout_batch_lines SET status = 'rejected', failure_reason = :reason, updated_at = now()
			WHERE id = :id""";

	/** A verdict that could not be applied, and why. */
	public record Unmatched(BankVerdict verdict, String why) {
	}

	/** What one file's verdicts did. */
	public record Outcome(int applied, int alreadyApplied, List<Unmatched> unmatched) {
	}

	private record Order(long payoutId, String status, LocalDate createdOn, long submissionId, String connector,
			String verdict, long lineId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PayoutLifecycle lifecycle;

	public BankVerdictRecorder(JdbcClient jdbc, JsonMapper json, PayoutLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.json = json;
		this.lifecycle = lifecycle;
	}

	public Outcome apply(List<BankVerdict> verdicts, String file) {
		lockInKeyOrder(verdicts);
		int applied = 0;
		int already = 0;
		List<Unmatched> unmatched = new ArrayList<>();
		for (BankVerdict verdict : verdicts) {
			Optional<String> problem = applyOne(verdict, file);
			if (problem.isEmpty()) {
				applied++;
			}
			else if (problem.get().isEmpty()) {
				already++;
			}
			else {
				unmatched.add(new Unmatched(verdict, problem.get()));
				log.warn("{} line {}: {} not applied: {}", file, verdict.line(), verdict.reference(), problem.get());
			}
		}
		return new Outcome(applied, already, unmatched);
	}

	/**
	 * Takes the payouts the file names, then their balances, in key order before applying
	 * verdicts in file order: a statement reconciled at the same time locks in the same
	 * order, so the two wait for each other instead of deadlocking.
	 */
	private void lockInKeyOrder(List<BankVerdict> verdicts) {
		List<Long> ids = verdicts.stream()
			.map(verdict -> PayoutReference.payoutId(verdict.reference()))
			.filter(OptionalLong::isPresent)
			.map(OptionalLong::getAsLong)
			.distinct()
			.toList();
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql(LOCK_PAYOUTS).param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
		lifecycle.lockBalancesOf(ids);
	}

	/** Empty when applied; an empty reason when it was applied before; else why not. */
	private Optional<String> applyOne(BankVerdict verdict, String file) {
		OptionalLong id = PayoutReference.payoutId(verdict.reference());
		if (id.isEmpty()) {
			return Optional.of("'" + verdict.reference() + "' is not a payout reference (PO-YYYYMMDD-XXXXXXXX)");
		}
		Optional<Order> found = jdbc.sql(FIND_ORDER)
			.param("id", id.getAsLong())
			.query((rs, n) -> new Order(rs.getLong("id"), rs.getString("status"),
					rs.getObject("created_at", OffsetDateTime.class)
						.withOffsetSameInstant(ZoneOffset.UTC)
						.toLocalDate(),
					rs.getLong("submission_id"), rs.getString("connector"), rs.getString("bank_verdict"),
					rs.getLong("line_id")))
			.optional();
		if (found.isEmpty()) {
			return Optional.of("no payment order of payout " + id.getAsLong() + " is open with the bank");
		}
		Order order = found.get();
		if (verdict.reference().length() > PayoutReference.shortForm(0).length()
				&& !verdict.reference().equals(PayoutReference.of(order.payoutId(), order.createdOn()))) {
			return Optional.of("reference does not match payout " + order.payoutId() + " (its reference is "
					+ PayoutReference.of(order.payoutId(), order.createdOn()) + ")");
		}
		if (!BankFileWriter.fileConnectors().contains(order.connector())) {
			return Optional
				.of("payout " + order.payoutId() + " was sent through " + order.connector() + ", not a file");
		}
		String kind = verdict.kind().name().toLowerCase(java.util.Locale.ROOT);
		if (kind.equals(order.verdict())) {
			return Optional.of("");
		}
		boolean returnAfterSettlement = verdict.kind() == BankVerdict.Kind.RETURNED && "settled".equals(order.status());
		if (!"sent".equals(order.status()) && !returnAfterSettlement) {
			return Optional.of("payout " + order.payoutId() + " is " + order.status() + ", not sent");
		}
		jdbc.sql(NOTE_VERDICT)
			.param("verdict", kind)
			.param("code", verdict.code())
			.param("file", file)
			.param("id", order.submissionId())
			.update();
		String actor = "bank-file:" + file;
		String details = json.writeValueAsString(json.createObjectNode()
			.put("file", file)
			.put("line", verdict.line())
			.put("code", verdict.code())
			.put("reason", verdict.reason()));
		switch (verdict.kind()) {
			case ACCEPTED -> lifecycle.bankAccepted(order.payoutId(), actor, details);
			case REJECTED -> {
				String reason = "rejected by the bank (" + verdict.code() + "): " + verdict.reason();
				jdbc.sql(REJECT_LINE).param("reason", reason).param("id", order.lineId()).update();
				lifecycle.bankRejected(order.payoutId(), reason, actor, details);
			}
			case RETURNED -> lifecycle.markReturned(
					List.of(new PayoutLifecycle.Return(order.payoutId(),
							"returned (" + verdict.code() + "): " + verdict.reason(), details)),
					PayoutLifecycle.ReturnNotice.BANK_VERDICT, actor);
		}
		return Optional.empty();
	}

}
