package com.payoutrunner.reconciliation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.core.OwnerOnlyFiles;
import com.payoutrunner.reconciliation.ReconciliationRepository.StatementRow;

/**
 * Writes a statement's report folder from what its transaction recorded, with the sent
 * payouts still unmatched as of now: {@code reconciliation.csv} and
 * {@code reconciliation-summary.json}. A statement applied before gets a report of the
 * overdue payouts only.
 */
@Component
class ReconciliationReportWriter {

	private final ReconciliationRepository repository;

	private final ReconciliationSummary summaries;

	private final Clock clock;

	private final Path reportsRoot;

	ReconciliationReportWriter(ReconciliationRepository repository, ReconciliationSummary summaries, Clock clock,
			PayoutRunnerProperties properties) {
		this.repository = repository;
		this.summaries = summaries;
		this.clock = clock;
		this.reportsRoot = properties.reportsDir();
	}

	/** The result, and how many rows the report holds. */
	record Written(ReconciliationResult result, int rows) {
	}

	Written write(StatementRow statement, boolean alreadyApplied, int unmatchedAfterDays) {
		Instant now = clock.instant();
		List<SentPayout> overdue = repository.sentBefore(now.minus(Duration.ofDays(unmatchedAfterDays)));
		Path directory = ReconciliationReport.newDirectory(reportsRoot, statement.fileName(), now);
		var lines = alreadyApplied ? List.<ReconciliationRepository.LineRow>of() : repository.lines(statement.id());
		Path report = ReconciliationReport.write(directory, lines, overdue, now);
		ReconciliationResult result = summaries.result(statement, alreadyApplied, overdue.size(), unmatchedAfterDays,
				report);
		try {
			OwnerOnlyFiles.writeString(directory.resolve("reconciliation-summary.json"),
					summaries.toJson(result) + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the summary in " + directory, ex);
		}
		return new Written(result, lines.size() + overdue.size());
	}

}
