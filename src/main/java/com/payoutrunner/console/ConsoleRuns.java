package com.payoutrunner.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.RunSummary;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.report.BatchMetadataQueries.ExecutionRow;
import com.payoutrunner.partitioning.PartitionNames;
import com.payoutrunner.report.ExecutionHistory;
import com.payoutrunner.report.ReportPaths;

/**
 * Runs as the console shows them: the list and a run's steps from Spring Batch's
 * metadata, the counts and breakdowns from the run's summary (computed from the database,
 * as {@code GET /api/runs/{id}} does), the skip report from its file.
 */
@Component
class ConsoleRuns {

	/** The skip report table shows this many rows; the download has them all. */
	static final int SKIP_ROWS_SHOWN = 200;

	/** A skip report as the page shows it: its first rows and how many there are. */
	public record SkipTable(List<String> columns, List<List<String>> rows, long total) {
	}

	private final BatchMetadataQueries metadata;

	private final ExecutionHistory history;

	private final JobRepository jobRepository;

	private final RunSummaryService summaries;

	private final ReportPaths paths;

	ConsoleRuns(BatchMetadataQueries metadata, ExecutionHistory history, JobRepository jobRepository,
			RunSummaryService summaries, ReportPaths paths) {
		this.metadata = metadata;
		this.history = history;
		this.jobRepository = jobRepository;
		this.summaries = summaries;
		this.paths = paths;
	}

	List<RunRow> list(String status, String event, int limit) {
		var filter = new BatchMetadataQueries.Filter(null, status, event, null, limit, 0);
		LocalDateTime now = LocalDateTime.now();
		List<ExecutionRow> rows = metadata.executions(filter);
		var counts = summaries.countsOf(rows.stream()
			.filter(row -> PayoutRunJobParameters.JOB_NAME.equals(row.jobName()))
			.map(ExecutionRow::jobInstanceId)
			.toList());
		return rows.stream().map(row -> row(row, counts.get(row.jobInstanceId()), now)).toList();
	}

	Optional<RunRow> run(long id) {
		return metadata.execution(id).map(row -> {
			var counts = PayoutRunJobParameters.JOB_NAME.equals(row.jobName())
					? summaries.countsOf(List.of(row.jobInstanceId())).get(row.jobInstanceId()) : null;
			return row(row, counts, LocalDateTime.now());
		});
	}

	/** The payout run's summary; empty for other jobs. */
	Optional<RunSummary> summary(RunRow run) {
		if (!PayoutRunJobParameters.JOB_NAME.equals(run.job())) {
			return Optional.empty();
		}
		return Optional.of(summaries.summarize(jobRepository.getJobExecution(run.id())));
	}

	List<StepRow> steps(long id) {
		LocalDateTime now = LocalDateTime.now();
		// A partitioned step's counts already add up its partitions'.
		return history.stepExecutionsOf(id)
			.stream()
			.filter(step -> !PartitionNames.isPartition(step.getStepName()))
			.map(step -> new StepRow(step.getStepName(), step.getStatus().name(), step.getReadCount(),
					step.getWriteCount(), step.getSkipCount(),
					Durations.rate(step.getReadCount(), step.getStartTime(), step.getEndTime(), now)))
			.toList();
	}

	/** The skip report file, once the run's last step has written it. */
	Optional<Path> skipReport(long id) {
		Path report = paths.skipReport(id);
		return Files.exists(report) ? Optional.of(report) : Optional.empty();
	}

	/** The run summary file, once the run has ended. */
	Optional<Path> summaryFile(long id) {
		Path summary = paths.summary(id);
		return Files.exists(summary) ? Optional.of(summary) : Optional.empty();
	}

	Optional<SkipTable> skipTable(long id) throws IOException {
		Optional<Path> report = skipReport(id);
		if (report.isEmpty()) {
			return Optional.empty();
		}
		try (Reader reader = Files.newBufferedReader(report.get(), StandardCharsets.UTF_8)) {
			var records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
			List<List<String>> rows = new ArrayList<>();
			long total = 0;
			for (CSVRecord record : records) {
				if (total++ < SKIP_ROWS_SHOWN) {
					// Shown as text, not opened in a spreadsheet: without the formula
					// guard.
					rows.add(record.stream().map(CsvOutput::restore).toList());
				}
			}
			return Optional.of(new SkipTable(records.getHeaderNames(), rows, total));
		}
	}

	/** {@code counts} is null for jobs other than the payout run. */
	private RunRow row(ExecutionRow row, RunSummaryService.RunCounts counts, LocalDateTime now) {
		Long created = counts == null ? null : counts.created();
		Long skipped = counts == null ? null : counts.skipped();
		Long failed = counts == null ? null : counts.failed();
		Long unconfirmed = counts == null ? null : counts.unconfirmed();
		String subject = row.event() != null ? row.event()
				: row.schedule() != null ? "schedule " + row.schedule() + " (" + row.slot() + ")" : "";
		return new RunRow(row.jobExecutionId(), row.jobName(), row.status(), subject, row.startTime(),
				Durations.between(row.startTime(), row.endTime(), now), created, skipped, failed, unconfirmed,
				row.endTime() == null && !"FAILED".equals(row.status()) && !"STOPPED".equals(row.status())
						&& !"ABANDONED".equals(row.status()));
	}

	/** The execution behind a run, for stopping, restarting or abandoning it. */
	JobExecution execution(long id) {
		return jobRepository.getJobExecution(id);
	}

}
