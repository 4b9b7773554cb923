package com.payoutrunner.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.calendar.RailCutOffs;
import com.payoutrunner.batching.RunHistory;
import com.payoutrunner.config.PayoutRunnerProperties;
import com.payoutrunner.connector.ConnectorProcessor;
import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.core.OwnerOnlyFiles;
import com.payoutrunner.fees.FeeCalculator;
import com.payoutrunner.payout.PayoutRepository;
import com.payoutrunner.report.ReportFiles;
import com.payoutrunner.routing.FxConverter;
import com.payoutrunner.routing.RailSelector;

/**
 * A dry run of an event's payout run: reads the event's payouts as the run does, judges
 * each with the run's own rules ({@link RunRules}: eligibility at the business date and
 * the clock's instant, fees, rail and FX, connector), and writes what it would pay to
 * {@code <reports dir>/previews/<event>-<timestamp>/}: preview.csv (one row per payout),
 * preview-totals.csv (per rail, rail currency, connector and payout currency) and
 * preview-summary.json.
 * <p>
 * No side effects: no job instance or execution (so nothing blocks or resumes the real
 * run), no batch line, hold, status change, skip record or audit event, no bank call; the
 * payouts are read in a read-only transaction, which the database enforces. Memory does
 * not grow with the event: payouts stream through one at a time.
 * <p>
 * It takes no {@link com.payoutrunner.payout.EventLock}, deliberately: the lock says
 * "this process is running the event" — a run started meanwhile would be refused as busy,
 * and the lock's being free is what tells a restart that a STARTED execution belongs to a
 * dead process. A preview runs nothing and writes nothing, so there is nothing for the
 * lock to protect; it reads one consistent snapshot even while a run is writing, and
 * works whether the event's run is STARTED, FAILED or COMPLETED.
 */
@Service
public class RunPreview {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** Where the files are, and what they say. */
	public record Result(Path directory, Path preview, Path totals, Path summaryFile, PreviewSummary summary,
			String summaryJson) {
	}

	private final PreviewPayoutReader reader;

	private final PayoutRepository payouts;

	private final RunHistory history;

	private final JobRepository jobRepository;

	private final FeeCalculator fees;

	private final RailSelector rails;

	private final FxConverter fx;

	private final ConnectorProcessor connectors;

	private final RailCutOffs cutOffs;

	private final Path previewsDir;

	private final JsonMapper json;

	private final Clock clock;

	RunPreview(PreviewPayoutReader reader, PayoutRepository payouts, RunHistory history, JobRepository jobRepository,
			FeeCalculator fees, RailSelector rails, FxConverter fx, ConnectorProcessor connectors, RailCutOffs cutOffs,
			PayoutRunnerProperties properties, JsonMapper json, Clock clock) {
		this.reader = reader;
		this.payouts = payouts;
		this.history = history;
		this.jobRepository = jobRepository;
		this.fees = fees;
		this.rails = rails;
		this.fx = fx;
		this.connectors = connectors;
		this.cutOffs = cutOffs;
		this.previewsDir = properties.reportsDir().toAbsolutePath().normalize().resolve("previews");
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param businessDate the business date to judge scheduled payouts against; null for
	 * today (the clock's date, as a run launched now would take)
	 * @throws IllegalArgumentException when the event does not exist
	 */
	public Result preview(String event, LocalDate businessDate) {
		if (!payouts.eventExists(event)) {
			throw new PayoutRunOperations.UnknownEventException(event);
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		LocalDate date = businessDate != null ? businessDate : today;
		// A run planned for another day is judged as of that day: its start for retries
		// due, the rails' business days (before their cut-offs) for value dates.
		boolean planned = !date.equals(today);
		Instant asOf = planned ? date.atStartOfDay(clock.getZone()).toInstant() : now;
		RunRules rules = new RunRules(date, asOf, fees, rails, fx, connectors,
				planned ? rail -> cutOffs.valueDateOn(rail, date) : rail -> cutOffs.valueDate(rail, now));
		String latestRunStatus = latestRunStatus(event);

		Path directory = newDirectory(event, now);
		Path previewFile = directory.resolve("preview.csv");
		Path totalsFile = directory.resolve("preview-totals.csv");
		Path summaryFile = directory.resolve("preview-summary.json");
		PreviewTotals totals = new PreviewTotals();
		ReportFiles.writeAtomically(previewFile, writer -> {
			CsvOutput csv = CsvOutput.withHeader(writer, PreviewCsv.HEADER);
			reader.forEach(event, payout -> {
				PreviewOutcome outcome = rules.judge(payout);
				totals.add(outcome);
				csv.row(PreviewCsv.row(outcome));
			});
			csv.finish();
		});
		List<PreviewTotals.Row> rows = totals.rows();
		ReportFiles.writeAtomically(totalsFile, writer -> {
			CsvOutput csv = CsvOutput.withHeader(writer, PreviewCsv.TOTALS_HEADER);
			rows.forEach(row -> csv.row(PreviewCsv.totalsRow(row)));
			csv.finish();
		});
		PreviewSummary summary = new PreviewSummary(event, date, latestRunStatus, totals.payouts(), totals.wouldPay(),
				totals.wouldSkip(), totals.alreadyQueued(), totals.skipBreakdown(), rows, previewFile.toString(),
				totalsFile.toString());
		String summaryJson = summary.toJson(json);
		ReportFiles.writeAtomically(summaryFile, writer -> writer.write(summaryJson + "\n"));
		return new Result(directory, previewFile, totalsFile, summaryFile, summary, summaryJson);
	}

	private String latestRunStatus(String event) {
		List<RunHistory.Run> runs = history.runsOf(event);
		if (runs.isEmpty()) {
			return null;
		}
		JobExecution last = jobRepository
			.getLastJobExecution(jobRepository.getJobInstance(runs.get(runs.size() - 1).jobInstanceId()));
		return last == null ? null : last.getStatus().name();
	}

	/**
	 * {@code <event>-<UTC timestamp>}, with -2, -3, ... when a preview of the event was
	 * already taken in the same second: a preview never overwrites another.
	 */
	private Path newDirectory(String event, Instant now) {
		String name = event + "-" + TIMESTAMP.format(now);
		try {
			OwnerOnlyFiles.createDirectories(previewsDir);
			for (int n = 1;; n++) {
				Path candidate = previewsDir.resolve(n == 1 ? name : name + "-" + n);
				try {
					return OwnerOnlyFiles.createDirectory(candidate);
				}
				catch (FileAlreadyExistsException taken) {
					// try the next suffix
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create a preview directory in " + previewsDir, ex);
		}
	}

}
