package com.payoutrunner.connector.file.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.core.DropFolder;
import com.payoutrunner.core.OwnerOnlyFiles;
import com.payoutrunner.core.TextFileCheck;

/**
 * The directory the bank's answers are dropped into: pain.002 status reports and NACHA
 * return files. Each file is applied once, in one transaction, and recorded by its
 * content hash (so the same file again, under any name, changes nothing), then moved to
 * {@code processed/}. A file that cannot be read is moved to {@code rejected/} beside an
 * {@code .error.txt} naming the line and the reason; nothing in it is applied. So is one
 * that is not strict UTF-8 text, or has a value the database refuses: it would fail the
 * same way at every sweep.
 */
public class BankInbox {

	private static final Logger log = LoggerFactory.getLogger(BankInbox.class);

	/** What happened to one file. {@code error} is set when the file was rejected. */
	public record FileResult(String file, String kind, int entries, int applied, int alreadyApplied,
			List<BankVerdictRecorder.Unmatched> unmatched, String error) {

		public boolean needsAttention() {
			return error != null || !unmatched.isEmpty();
		}

	}

	private final DropFolder folder;

	private final BankVerdictRecorder recorder;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	/**
	 * @param maxBytes the largest answer file read; a larger one is rejected unread
	 */
	public BankInbox(Path directory, long maxBytes, BankVerdictRecorder recorder, JdbcClient jdbc,
			TransactionTemplate transaction) {
		this.folder = new DropFolder(directory, maxBytes);
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	public Path directory() {
		return folder.directory();
	}

	/** Applies every file waiting in the inbox, oldest name first. */
	public List<FileResult> processAll() {
		return folder.processAll(this::process);
	}

	private DropFolder.Outcome<FileResult> process(Path file) {
		String name = file.getFileName().toString();
		byte[] content;
		try {
			content = folder.readText(file);
		}
		catch (TextFileCheck.NotTextException ex) {
			return reject(file, null, ex.getMessage());
		}
		String kind = Pain002StatusReport.looksLikeOne(content) ? "pain.002"
				: AchReturnFile.looksLikeOne(content) ? "ach_return" : null;
		if (kind == null) {
			return reject(file, null, "neither a pain.002 status report nor a NACHA return file");
		}
		List<BankVerdict> verdicts;
		try {
			verdicts = "pain.002".equals(kind) ? Pain002StatusReport.parse(content) : AchReturnFile.parse(content);
		}
		catch (InboxFileException ex) {
			return reject(file, kind, ex.getMessage());
		}
		String hash = sha256(content);
		FileResult result;
		try {
			result = transaction.execute(tx -> {
				jdbc.sql("""
						INSERT INTO bank_inbox_files (file_name, content_sha256, kind, entries, applied, unmatched)
						VALUES (:name, :hash, :kind, :entries, 0, 0)""")
					.param("name", name)
					.param("hash", hash)
					.param("kind", kind)
					.param("entries", verdicts.size())
					.update();
				var outcome = recorder.apply(verdicts, name);
				jdbc.sql(
						"UPDATE bank_inbox_files SET applied = :applied, unmatched = :unmatched WHERE content_sha256 = :hash")
					.param("applied", outcome.applied())
					.param("unmatched", outcome.unmatched().size())
					.param("hash", hash)
					.update();
				return new FileResult(name, kind, verdicts.size(), outcome.applied(), outcome.alreadyApplied(),
						outcome.unmatched(), null);
			});
		}
		catch (DuplicateKeyException ex) {
			log.info("{}: the same content was applied before; nothing to do", name);
			result = new FileResult(name, kind, verdicts.size(), 0, verdicts.size(), List.of(), null);
		}
		catch (DataIntegrityViolationException ex) {
			// a value of the file the database refuses fails the same way at every sweep:
			// the file's fault (a database that is down is not, and leaves the file)
			return reject(file, kind, "a value the database refuses: " + ex.getMostSpecificCause().getMessage());
		}
		return processed(result);
	}

	/** Once in processed/: what matched nothing is written beside the file. */
	private DropFolder.Outcome<FileResult> processed(FileResult result) {
		return DropFolder.Outcome.processed(result).then(() -> {
			if (!result.unmatched().isEmpty()) {
				writeUnmatched(result.file(), result.unmatched());
			}
			log.info("{} ({}): {} verdict(s), {} applied, {} already applied, {} unmatched", result.file(),
					result.kind(), result.entries(), result.applied(), result.alreadyApplied(),
					result.unmatched().size());
		});
	}

	private static DropFolder.Outcome<FileResult> reject(Path file, String kind, String reason) {
		String name = file.getFileName().toString();
		log.warn("{} rejected, nothing applied: {}", name, reason);
		return DropFolder.Outcome.rejected(new FileResult(name, kind, 0, 0, 0, List.of(), reason), reason);
	}

	private void writeUnmatched(String name, List<BankVerdictRecorder.Unmatched> unmatched) {
		// the references and codes are the bank file's text: CsvOutput neutralises them
		StringBuilder out = new StringBuilder();
		CsvOutput csv = CsvOutput.withHeader(out, "line", "reference", "verdict", "code", "why");
		for (var entry : unmatched) {
			var verdict = entry.verdict();
			csv.row(verdict.line(), verdict.reference(), verdict.kind().name().toLowerCase(java.util.Locale.ROOT),
					verdict.code(), entry.why());
		}
		write(folder.directory().resolve("processed").resolve(name + ".unmatched.csv"), out.toString());
	}

	private static void write(Path file, String content) {
		try {
			OwnerOnlyFiles.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	private static String sha256(byte[] content) {
		return com.payoutrunner.core.Sha256.hex(content);
	}

}
