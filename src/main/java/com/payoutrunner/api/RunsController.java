package com.payoutrunner.api;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.core.DisplayPath;
import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunControl;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.preview.RunPreview;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.report.ReportPaths;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.schedule.ScheduleCatalog;
import com.payoutrunner.schedule.ScheduleDefinition;

/**
 * Operators' API for runs: launch, list, inspect, read the skip report, stop, restart,
 * abandon.
 */
@RestController
@RequestMapping("/api/runs")
class RunsController {

	private final RunQueries queries;

	private final PayoutRunOperations runs;

	private final RunLauncher launcher;

	private final JobRepository jobRepository;

	private final RunSummaryService summaries;

	private final ReportPaths paths;

	private final ScheduleCatalog schedules;

	private final JsonMapper json;

	private final Clock clock;

	private final RunPreview previews;

	private final RunControl control;

	private final RunApprovals approvals;

	RunsController(RunPreview previews, RunQueries queries, PayoutRunOperations runs, RunLauncher launcher,
			JobRepository jobRepository, RunControl control, RunSummaryService summaries, ReportPaths paths,
			@org.springframework.context.annotation.Lazy ScheduleCatalog schedules, JsonMapper json, Clock clock,
			RunApprovals approvals) {
		this.control = control;
		this.approvals = approvals;
		this.previews = previews;
		this.queries = queries;
		this.runs = runs;
		this.launcher = launcher;
		this.jobRepository = jobRepository;
		this.summaries = summaries;
		this.paths = paths;
		this.schedules = schedules;
		this.json = json;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<Map<String, Object>> launch(@RequestBody RunRequest request, Principal principal) throws Exception {
		request.validate();
		if (request.schedule() != null) {
			ScheduleDefinition schedule = schedule(request.schedule());
			return launched(
					launcher.launch(whenStarted -> runs.runSlot(currentSlot(schedule), by(principal), whenStarted)));
		}
		String event = request.liquidationEventId();
		if (Boolean.TRUE.equals(request.dryRun())) {
			var preview = previews.preview(event, request.businessDate());
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("dry_run", true);
			body.put("summary", json.readTree(preview.summaryJson()));
			body.put("run_approval", approvals.assess(preview.summary().totals()));
			return ResponseEntity.ok(body);
		}
		String by = principal == null ? null : principal.getName();
		return launched(launcher.launch(whenStarted -> Boolean.TRUE.equals(request.rerun())
				? runs.rerun(event, by, whenStarted) : runs.run(event, by, whenStarted)));
	}

	@GetMapping
	List<RunView> list(@RequestParam(required = false) String job, @RequestParam(required = false) String status,
			@RequestParam(required = false) String event, @RequestParam(required = false) String schedule,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
		if (limit < 1 || limit > 500 || offset < 0) {
			throw new IllegalArgumentException("limit must be 1 to 500 and offset not negative");
		}
		if (status != null && !status.matches("[A-Z]+")) {
			throw new IllegalArgumentException("status must be a Spring Batch status such as COMPLETED or FAILED");
		}
		return queries.runs(new BatchMetadataQueries.Filter(job, status, event, schedule, limit, offset));
	}

	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable long id) {
		RunView run = run(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("run", run);
		body.put("steps", queries.steps(id));
		if (PayoutRunJobParameters.JOB_NAME.equals(run.job())) {
			JobExecution execution = jobRepository.getJobExecution(id);
			JsonNode summary = json.readTree(summaries.toJson(summaries.summarize(execution)));
			body.put("summary", summary);
			body.put("skip_breakdown", summary.path("skip_breakdown"));
			body.put("failed_breakdown", summary.path("failed_breakdown"));
			approvals.ofExecution(id).ifPresent(approval -> body.put("approval", approval));
		}
		Map<String, String> reports = new LinkedHashMap<>();
		reports.put("skips", "/api/runs/" + id + "/skips");
		reports.put("skips_file", DisplayPath.of(paths.skipReport(id)));
		reports.put("summary_file", DisplayPath.of(paths.summary(id)));
		body.put("reports", reports);
		return body;
	}

	@GetMapping(value = "/{id}/skips", produces = "text/csv")
	ResponseEntity<String> skipsCsv(@PathVariable long id) throws IOException {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(Files.readString(skipReport(id), StandardCharsets.UTF_8));
	}

	@GetMapping(value = "/{id}/skips", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, String>> skipsJson(@PathVariable long id) throws IOException {
		List<Map<String, String>> rows = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(skipReport(id), StandardCharsets.UTF_8)) {
			for (CSVRecord record : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(reader)) {
				// JSON is not a spreadsheet: the values as they were, without the CSV's
				// formula guard
				Map<String, String> row = new LinkedHashMap<>();
				record.toMap().forEach((column, value) -> row.put(column, CsvOutput.restore(value)));
				rows.add(row);
			}
		}
		return rows;
	}

	@PostMapping("/{id}/stop")
	ResponseEntity<Map<String, Object>> stop(@PathVariable long id) throws Exception {
		return ResponseEntity.accepted().body(message(id, control.stop(execution(id))));
	}

	@PostMapping("/{id}/restart")
	ResponseEntity<Map<String, Object>> restart(@PathVariable long id) throws Exception {
		return launched(control.restart(execution(id)));
	}

	@PostMapping("/{id}/abandon")
	Map<String, Object> abandon(@PathVariable long id, Principal user) throws Exception {
		return message(id, control.abandon(execution(id), by(user)));
	}

	private static String by(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	private ResponseEntity<Map<String, Object>> launched(RunLauncher.Launch launch) {
		if (launch.started() != null) {
			long id = launch.started().getId();
			return ResponseEntity.accepted()
				.location(URI.create("/api/runs/" + id))
				.body(message(id, "started; follow it at /api/runs/" + id));
		}
		var result = launch.result();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
		body.put("message", result.message());
		if (result.execution() != null) {
			body.put("run", queries.run(result.execution().getId()).orElse(null));
		}
		HttpStatus status = result.outcome() == PayoutRunOperations.Outcome.NOT_RESUMABLE ? HttpStatus.CONFLICT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(body);
	}

	private ScheduledRun currentSlot(ScheduleDefinition schedule) {
		var now = clock.instant();
		return ScheduledRun.of(schedule.name(), schedule.slotFor(now), schedule.parameters(),
				LocalDate.ofInstant(now, schedule.zone()));
	}

	private ScheduleDefinition schedule(String name) {
		return schedules.find(name)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-schedule",
					"no schedule " + name + " in " + schedules.file()));
	}

	private RunView run(long id) {
		return queries.run(id).orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-run", "no run " + id));
	}

	private JobExecution execution(long id) {
		run(id);
		return jobRepository.getJobExecution(id);
	}

	private Path skipReport(long id) {
		run(id);
		Path report = paths.skipReport(id);
		if (!Files.exists(report)) {
			throw Problems.of(HttpStatus.NOT_FOUND, "report-not-written",
					"run " + id + " has no skip report yet (it is written when the run's last step ends)");
		}
		return report;
	}

	private static Map<String, Object> message(long id, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("message", message);
		body.put("links", Map.of("self", "/api/runs/" + id));
		return body;
	}

}
