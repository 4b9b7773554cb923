package com.payoutrunner.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.SchedulerException;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.schedule.NextFireTimes;
import com.payoutrunner.schedule.ScheduleCatalog;
import com.payoutrunner.schedule.ScheduleControls;
import com.payoutrunner.schedule.ScheduleDefinition;

/**
 * Operators' API for schedules: list them with their state and next fires, pause and
 * resume their triggers (in the shared job store: every instance sees it), run the
 * current slot now.
 */
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

	private final ScheduleCatalog catalog;

	private final ScheduleControls controls;

	private final NextFireTimes fireTimes;

	private final RunQueries queries;

	SchedulesController(@Lazy ScheduleCatalog catalog, ScheduleControls controls, NextFireTimes fireTimes,
			RunQueries queries) {
		this.catalog = catalog;
		this.controls = controls;
		this.fireTimes = fireTimes;
		this.queries = queries;
	}

	@GetMapping
	List<Map<String, Object>> list() throws SchedulerException {
		List<Map<String, Object>> views = new java.util.ArrayList<>();
		for (ScheduleDefinition schedule : catalog.all()) {
			views.add(view(schedule));
		}
		return views;
	}

	@GetMapping("/{name}")
	Map<String, Object> show(@PathVariable String name) throws SchedulerException {
		return view(schedule(name));
	}

	@PostMapping("/{name}/pause")
	Map<String, Object> pause(@PathVariable String name) throws SchedulerException {
		ScheduleDefinition schedule = schedule(name);
		controls.pause(schedule);
		return view(schedule);
	}

	@PostMapping("/{name}/resume")
	Map<String, Object> resume(@PathVariable String name) throws SchedulerException {
		ScheduleDefinition schedule = schedule(name);
		controls.resume(schedule);
		return view(schedule);
	}

	/** Runs the schedule's current slot now (already done if that slot ran). */
	@PostMapping("/{name}/trigger")
	ResponseEntity<Map<String, Object>> trigger(@PathVariable String name, java.security.Principal principal)
			throws Exception {
		ScheduleDefinition schedule = schedule(name);
		// The operator who triggers it is its launcher: they may not approve it if it
		// waits.
		var triggered = controls.trigger(schedule, principal == null ? null : principal.getName());
		var launch = triggered.launch();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schedule", name);
		body.put("slot", triggered.slot());
		if (launch.started() != null) {
			long id = launch.started().getId();
			body.put("message", "started; follow it at /api/runs/" + id);
			body.put("links", Map.of("run", "/api/runs/" + id));
			return ResponseEntity.accepted().location(java.net.URI.create("/api/runs/" + id)).body(body);
		}
		body.put("outcome", launch.result().outcome().name().toLowerCase(java.util.Locale.ROOT));
		body.put("message", launch.result().message());
		return ResponseEntity.ok(body);
	}

	private Map<String, Object> view(ScheduleDefinition schedule) throws SchedulerException {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", schedule.name());
		view.put("job", schedule.job());
		view.put("trigger", schedule.trigger().toString());
		view.put("cron", schedule.trigger().quartzCron());
		view.put("zone", schedule.zone().getId());
		view.put("calendar", schedule.calendar().orElse(null));
		view.put("misfire", schedule.misfirePolicy().code());
		view.put("enabled", schedule.enabled());
		view.put("parameters", schedule.parameters());
		view.put("state", controls.state(schedule));
		view.put("next_fires", fireTimes.next(schedule, 5).stream().map(fire -> {
			Map<String, Object> next = new LinkedHashMap<>();
			next.put("at", fire.fireTime().toOffsetDateTime().toString());
			next.put("slot", fire.slot());
			next.put("moved_from", fire.moved() ? fire.scheduledTime().toOffsetDateTime().toString() : null);
			return next;
		}).toList());
		view.put("last_run",
				queries.runs(new BatchMetadataQueries.Filter(null, null, null, schedule.name(), 1, 0))
					.stream()
					.findFirst()
					.orElse(null));
		return view;
	}

	private ScheduleDefinition schedule(String name) {
		return catalog.find(name)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-schedule",
					"no schedule " + name + " in " + catalog.file()));
	}

}
