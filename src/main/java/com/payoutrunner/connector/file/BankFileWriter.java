package com.payoutrunner.connector.file;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.connector.PaymentOrderBodies;
import com.payoutrunner.connector.SubmissionOutcome;
import com.payoutrunner.connector.SubmissionRepository;
import com.payoutrunner.connector.SubmittableLine;
import com.payoutrunner.payout.PayoutLifecycle;

/**
 * Writes one bank file per file-routed batch of a run, in three moves, like the bank API
 * path:
 * <ol>
 * <li>in its own committed transaction: save each queued line's submission (sending, with
 * its key and body) and move its payout to sending: from here on the batch's content is
 * fixed;</li>
 * <li>render the file from the batch and its sending lines and drop it into the outbox
 * (temporary name, then rename). After a crash the same file is rendered again, byte for
 * byte, and the outbox finds it already there: never a second file for a batch;</li>
 * <li>in another transaction: record each line's order as accepted with the file's name
 * as its order id, and the payouts as sent.</li>
 * </ol>
 * The bank's verdict on each payment comes back later through the inbox (pain.002, ACH
 * returns).
 */
public class BankFileWriter {

	private static final Logger log = LoggerFactory.getLogger(BankFileWriter.class);

	/** What one batch's file held. */
	public record WrittenFile(String batchReference, Path file, int payouts) {
	}

	private final BankFileRepository files;

	private final BankFileRenderer renderer;

	private final BankFileOutbox outbox;

	private final SubmissionRepository submissions;

	private final PaymentOrderBodies bodies;

	private final PayoutLifecycle lifecycle;

	private final AuditTrail audit;

	private final TransactionTemplate newTransaction;

	private final JsonMapper json;

	public BankFileWriter(BankFileRepository files, BankFileRenderer renderer, BankFileOutbox outbox,
			SubmissionRepository submissions, PaymentOrderBodies bodies, PayoutLifecycle lifecycle, AuditTrail audit,
			TransactionTemplate newTransaction, JsonMapper json) {
		this.files = files;
		this.renderer = renderer;
		this.outbox = outbox;
		this.submissions = submissions;
		this.bodies = bodies;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.newTransaction = newTransaction;
		this.json = json;
	}

	public static List<String> fileConnectors() {
		return Arrays.stream(BankFileFormat.values()).map(BankFileFormat::connector).toList();
	}

	/** Writes the files of the run's batches that are not yet filed; returns them. */
	public List<WrittenFile> writeFiles(long runId, long jobExecutionId) {
		return files.openBatches(runId, fileConnectors())
			.stream()
			.map(batch -> writeFile(runId, jobExecutionId, batch))
			.toList();
	}

	private WrittenFile writeFile(long runId, long jobExecutionId, BankFileRepository.FileBatch batch) {
		newTransaction.executeWithoutResult(tx -> {
			List<SubmittableLine> queued = files.lines(batch.id(), "queued").stream().map(BankFileLine::line).toList();
			submissions.saveSending(runId, jobExecutionId, batch.format().connector(), queued,
					queued.stream().map(bodies::bodyOf).toList());
			lifecycle.startSending(queued.stream().map(SubmittableLine::payoutId).toList());
		});
		List<BankFileLine> lines = files.lines(batch.id(), "sending");
		Path file = outbox.write(batch.reference(), batch.format().extension(), renderer.render(batch, lines));
		String fileName = file.getFileName().toString();
		newTransaction.executeWithoutResult(tx -> {
			var changes = submissions.recordOutcomes(lines.stream()
				.map(line -> SubmissionOutcome.accepted(line.line().idempotencyKey(), fileName))
				.toList());
			Map<Long, String> references = new HashMap<>();
			lines.forEach(line -> references.put(line.line().payoutId(), line.payoutReference()));
			lifecycle.markSent(changes.stream()
				.map(change -> new PayoutLifecycle.Sent(change.payoutId(), fileName, references.get(change.payoutId())))
				.toList(), runId);
			String actor = "run:" + runId;
			audit.event("batch", batch.reference(), "bank_file_written", AuditCategory.FINANCIAL, "info", actor, runId,
					json.writeValueAsString(
							json.createObjectNode().put("file", file.toString()).put("payouts", lines.size())));
		});
		log.info("run {}: bank file {} holds {} payout(s) of batch {}", runId, file, lines.size(), batch.reference());
		return new WrittenFile(batch.reference(), file, lines.size());
	}

}
