package com.payoutrunner.console;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import com.payoutrunner.batching.PayoutBatchQueries;
import com.payoutrunner.batching.RunSummary;

/**
 * The runs list and a run's page. While a run goes on, its page asks for its progress
 * fragment every few seconds (htmx); the fragment stops asking once the run has ended.
 */
@Controller
class RunsPageController {

	static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "COMPLETED", "FAILED",
			"ABANDONED");

	private static final int LIST_SIZE = 50;

	/** A run's page lists at most this many of its batches. */
	private static final int BATCHES_SHOWN = 200;

	private final ConsoleRuns runs;

	private final PayoutBatchQueries batches;

	RunsPageController(ConsoleRuns runs, PayoutBatchQueries batches) {
		this.runs = runs;
		this.batches = batches;
	}

	@GetMapping("/runs")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String event,
			Model model) {
		String wantedStatus = status != null && STATUSES.contains(status) ? status : null;
		String wantedEvent = StringUtils.hasText(event) ? event.strip() : null;
		model.addAttribute("runs", runs.list(wantedStatus, wantedEvent, LIST_SIZE));
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("status", wantedStatus);
		model.addAttribute("event", wantedEvent);
		return "console/runs";
	}

	@GetMapping("/runs/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) throws IOException {
		RunRow run = addProgress(id, model);
		RunSummary summary = runs.summary(run).orElse(null);
		if (summary != null) {
			model.addAttribute("skipChart", SkipChart.of("Skipped payouts by category", summary.skipBreakdown()));
			model.addAttribute("failedChart", SkipChart.of("Failed payouts by reason", summary.failedBreakdown()));
			model.addAttribute("batches", batches.batches(summary.runId(), BATCHES_SHOWN));
		}
		model.addAttribute("hasSummary", runs.summaryFile(id).isPresent());
		model.addAttribute("skips", runs.skipTable(id).orElse(null));
		model.addAttribute("actions", RunActions.allowed(run, request.isUserInRole("OPERATOR")));
		return "console/run";
	}

	/** The part of a run's page that changes while it runs. */
	@GetMapping("/runs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		addProgress(id, model);
		return "console/run :: progress";
	}

	@GetMapping("/runs/{id}/skips.csv")
	ResponseEntity<Resource> skipReport(@PathVariable long id) {
		var report = runs.skipReport(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no skip report for run " + id));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"run-" + id + "-skips.csv\"")
			.body(new FileSystemResource(report));
	}

	@GetMapping("/runs/{id}/summary.json")
	ResponseEntity<Resource> summaryFile(@PathVariable long id) {
		var summary = runs.summaryFile(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no summary for run " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"run-" + id + "-summary.json\"")
			.body(new FileSystemResource(summary));
	}

	private RunRow addProgress(long id, Model model) {
		RunRow run = runs.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
		model.addAttribute("run", run);
		model.addAttribute("steps", runs.steps(id));
		return run;
	}

}
