package com.payoutrunner.reconciliation;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.TextFileCheck;

/** Tells a camt.053 statement from a CSV one by its content, never by its name. */
final class StatementFiles {

	private StatementFiles() {
	}

	static Statement read(byte[] content) {
		return read(content, InputLimits.DEFAULTS);
	}

	/**
	 * @param limits the most lines (entries) and the longest cell (element text) a
	 * statement may have: beyond them it is refused whole, naming the line and the limit
	 */
	static Statement read(byte[] content, InputLimits limits) {
		try {
			// Strict UTF-8 whichever way the statement came (upload, reconcile, inbox):
			// never stored with replacement characters.
			TextFileCheck.check(content);
		}
		catch (TextFileCheck.NotTextException ex) {
			throw new StatementFileException(ex.line(), ex.getMessage());
		}
		if (Camt053StatementReader.looksLikeOne(content)) {
			return Camt053StatementReader.read(content, limits);
		}
		String start = new String(content, 0, Math.min(content.length, 200), java.nio.charset.StandardCharsets.UTF_8)
			.stripLeading();
		if (start.startsWith("<")) {
			throw new StatementFileException(1, "an XML file that is not a camt.053 statement (namespace "
					+ Camt053StatementReader.NAMESPACE_PREFIX + "...)");
		}
		return CsvStatementReader.read(content, limits);
	}

}
