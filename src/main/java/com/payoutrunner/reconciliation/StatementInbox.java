package com.payoutrunner.reconciliation;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.DropFolder;
import com.payoutrunner.core.TextFileCheck;

/**
 * The directory the bank's statements are dropped into ({@code serve} looks every 30 s):
 * each file is reconciled by {@link StatementReconciler}, then moved to
 * {@code processed/}; one that cannot be read as a statement, or is not a statement of
 * our accounts, goes to {@code rejected/} beside an {@code .error.txt} naming the line
 * and the reason. So is a file that is not strict UTF-8 text, or whose reconciliation
 * failed because of its own content (a value the database refuses): it would fail again
 * at every look. The inbox is trusted as the bank's own channel: what its statements give
 * back applies at once ({@link Delivery}). A file whose reconciliation failed otherwise
 * (the database down) stays where it is, so that the next look resumes it; one another
 * process is reconciling is left to it.
 */
@Component
public class StatementInbox {

	private static final Logger log = LoggerFactory.getLogger(StatementInbox.class);

	/** What became of one file: applied, already applied, rejected, failed or busy. */
	public record FileResult(String file, String outcome, String detail) {
	}

	private final DropFolder folder;

	private final StatementReconciler reconciler;

	StatementInbox(PayoutRunnerProperties properties, StatementReconciler reconciler,
			com.payoutrunner.config.InputLimits limits) {
		this.folder = new DropFolder(properties.bankFiles().statementInbox().toAbsolutePath().normalize(),
				limits.maxStatementBytes().toBytes());
		this.reconciler = reconciler;
	}

	/** Reconciles every statement waiting, oldest name first. */
	public List<FileResult> processAll() {
		return folder.processAll(new DropFolder.Handler<>() {
			@Override
			public DropFolder.Outcome<FileResult> handle(Path file) {
				return process(file);
			}

			@Override
			public FileResult notMoved(Path file, DropFolder.Outcome<FileResult> outcome, UncheckedIOException ex) {
				return failed(file.getFileName().toString(), ex);
			}
		});
	}

	private DropFolder.Outcome<FileResult> process(Path file) {
		String name = file.getFileName().toString();
		try {
			folder.readText(file);
			ReconciliationResult result = reconciler.reconcile(file, StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS,
					Delivery.inbox());
			String summary = reconciler.summaryJson(result);
			return DropFolder.Outcome
				.processed(new FileResult(name, result.alreadyApplied() ? "already_applied" : "applied", summary))
				.then(() -> log.info("statement {}: {}", name, summary));
		}
		catch (StatementFileException | TextFileCheck.NotTextException ex) {
			return rejected(name, ex.getMessage());
		}
		catch (StatementReconciler.ReconciliationFailedException ex) {
			if (ex.inProgress()) {
				return DropFolder.Outcome.left(new FileResult(name, "busy", ex.getMessage()));
			}
			if (ex.contentFault()) {
				// the same content fails the same way at every sweep: a poison file
				return rejected(name, ex.getMessage());
			}
			log.error("statement {}: {}", name, ex.getMessage());
			return DropFolder.Outcome.left(new FileResult(name, "failed", ex.getMessage()));
		}
		catch (Exception ex) {
			return DropFolder.Outcome.left(failed(name, ex));
		}
	}

	private static FileResult failed(String name, Exception ex) {
		log.error("statement {}: {}", name, ex.getMessage(), ex);
		return new FileResult(name, "failed", ex.getMessage());
	}

	private static DropFolder.Outcome<FileResult> rejected(String name, String reason) {
		log.warn("statement {} rejected, nothing applied: {}", name, reason);
		return DropFolder.Outcome.rejected(new FileResult(name, "rejected", reason), reason);
	}

}
