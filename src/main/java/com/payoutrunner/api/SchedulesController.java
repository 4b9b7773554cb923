package com.payoutrunner.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.batching.ScheduledRun;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.schedule.NextFireTimes;
import com.payoutrunner.schedule.ScheduleCatalog;
import com.payoutrunner.schedule.ScheduleDefinition;
import com.payoutrunner.schedule.ScheduleRegistrar;

/**
 * Operators' API for schedules: list them with their state and next fires, pause and
 * resume their triggers (in the shared job store: every instance sees it), run the
 * current slot now.
 */
@RestController
@RequestMapping("/api/schedules")
class SchedulesController {

	private final ScheduleCatalog catalog;

	private final Scheduler scheduler;

	private final NextFireTimes fireTimes;

	private final PayoutRunOperations runs;

	private final RunLauncher launcher;

	private final RunQueries queries;

	private final java.time.Clock clock;

	SchedulesController(@Lazy ScheduleCatalog catalog, Scheduler scheduler, NextFireTimes fireTimes,
			PayoutRunOperations runs, RunLauncher launcher, RunQueries queries, java.time.Clock clock) {
		this.catalog = catalog;
		this.scheduler = scheduler;
		this.fireTimes = fireTimes;
		this.runs = runs;
		this.launcher = launcher;
		this.queries = queries;
		this.clock = clock;
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
		scheduler.pauseTrigger(registered(schedule));
		return view(schedule);
	}

	@PostMapping("/{name}/resume")
	Map<String, Object> resume(@PathVariable String name) throws SchedulerException {
		ScheduleDefinition schedule = schedule(name);
		scheduler.resumeTrigger(registered(schedule));
		return view(schedule);
	}

	/** Runs the schedule's current slot now (already done if that slot ran). */
	@PostMapping("/{name}/trigger")
	ResponseEntity<Map<String, Object>> trigger(@PathVariable String name, java.security.Principal principal)
			throws Exception {
		ScheduleDefinition schedule = schedule(name);
		var now = clock.instant();
		ScheduledRun slot = ScheduledRun.of(schedule.name(), schedule.slotFor(now), schedule.parameters(),
				LocalDate.ofInstant(now, schedule.zone()));
		// The operator who triggers it is its launcher: they may not approve it if it
		// waits.
		String by = principal == null ? null : principal.getName();
		var launch = launcher.launch(whenStarted -> runs.runSlot(slot, by, whenStarted));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("schedule", name);
		body.put("slot", slot.slot());
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
		TriggerKey key = TriggerKey.triggerKey(schedule.name(), ScheduleRegistrar.GROUP);
		Trigger.TriggerState state = scheduler.getTriggerState(key);
		view.put("state", state == Trigger.TriggerState.NONE ? "not_registered"
				: state.name().toLowerCase(java.util.Locale.ROOT));
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

	private TriggerKey registered(ScheduleDefinition schedule) throws SchedulerException {
		TriggerKey key = TriggerKey.triggerKey(schedule.name(), ScheduleRegistrar.GROUP);
		if (!scheduler.checkExists(key)) {
			throw Problems.of(HttpStatus.CONFLICT, "schedule-not-registered",
					"schedule " + schedule.name() + " is not registered with the scheduler (serve registers it)");
		}
		return key;
	}

}
