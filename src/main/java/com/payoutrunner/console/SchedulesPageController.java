package com.payoutrunner.console;

import java.security.Principal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.quartz.SchedulerException;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.payout.EventLock;
import com.payoutrunner.report.BatchMetadataQueries;
import com.payoutrunner.schedule.NextFireTimes;
import com.payoutrunner.schedule.ScheduleCatalog;
import com.payoutrunner.schedule.ScheduleControls;
import com.payoutrunner.schedule.ScheduleDefinition;

/**
 * The schedules of jobs/schedules.yaml with the state of their triggers in the shared job
 * store, their next fires and last run; pause, resume and "trigger now" for operators,
 * through the services of {@code /api/schedules} ({@link ScheduleControls}).
 */
@Controller
class SchedulesPageController {

	static final int NEXT_FIRES = 5;

	private final ScheduleCatalog catalog;

	private final ScheduleControls controls;

	private final NextFireTimes fireTimes;

	private final BatchMetadataQueries metadata;

	SchedulesPageController(@Lazy ScheduleCatalog catalog, ScheduleControls controls, NextFireTimes fireTimes,
			BatchMetadataQueries metadata) {
		this.catalog = catalog;
		this.controls = controls;
		this.fireTimes = fireTimes;
		this.metadata = metadata;
	}

	@GetMapping("/schedules")
	String list(HttpServletRequest request, Model model) throws SchedulerException {
		List<ScheduleRow> rows = new ArrayList<>();
		for (ScheduleDefinition schedule : catalog.all()) {
			rows.add(row(schedule));
		}
		model.addAttribute("schedules", rows);
		model.addAttribute("file", catalog.file().toString());
		model.addAttribute("operator", request.isUserInRole("OPERATOR"));
		return "console/schedules";
	}

	@PostMapping("/schedules/{name}/pause")
	String pause(@PathVariable String name, RedirectAttributes flash) throws SchedulerException {
		return change(name, controls::pause,
				"Schedule " + name + " is paused: it fires no more until it is resumed (on every instance).", flash);
	}

	@PostMapping("/schedules/{name}/resume")
	String resume(@PathVariable String name, RedirectAttributes flash) throws SchedulerException {
		return change(name, controls::resume, "Schedule " + name + " is resumed: its next fire is on time.", flash);
	}

	/** Runs the current slot now; the page links to the run it started. */
	@PostMapping("/schedules/{name}/trigger")
	String trigger(@PathVariable String name, Principal user, RedirectAttributes flash) throws Exception {
		ScheduleDefinition schedule = schedule(name);
		ScheduleControls.Triggered triggered;
		try {
			triggered = controls.trigger(schedule, user.getName());
		}
		catch (EventLock.EventBusyException ex) {
			flash.addFlashAttribute("problem", "Not done: " + ex.getMessage() + ".");
			return "redirect:/schedules";
		}
		RunLauncher.Launch launch = triggered.launch();
		String slot = "Slot " + triggered.slot() + " of schedule " + name;
		if (launch.started() != null) {
			flash.addFlashAttribute("message", slot + " started as run " + launch.started().getId() + ".");
			flash.addFlashAttribute("startedRun", launch.started().getId());
		}
		else {
			flash.addFlashAttribute("message", slot + ": " + launch.result().message());
		}
		return "redirect:/schedules";
	}

	/** Pauses or resumes: back to the list with what happened or why not. */
	private String change(String name, TriggerChange change, String done, RedirectAttributes flash)
			throws SchedulerException {
		try {
			change.apply(schedule(name));
			flash.addFlashAttribute("message", done);
		}
		catch (ScheduleControls.NotRegisteredException ex) {
			flash.addFlashAttribute("problem", "Not done: " + ex.getMessage() + ".");
		}
		return "redirect:/schedules";
	}

	@FunctionalInterface
	private interface TriggerChange {

		void apply(ScheduleDefinition schedule) throws SchedulerException;

	}

	private ScheduleRow row(ScheduleDefinition schedule) throws SchedulerException {
		List<ScheduleRow.Fire> fires = fireTimes.next(schedule, NEXT_FIRES)
			.stream()
			.map(fire -> new ScheduleRow.Fire(Moment.of(fire.fireTime()), fire.slot(),
					fire.moved() ? Moment.of(fire.scheduledTime()) : null))
			.toList();
		ScheduleRow.LastRun last = metadata
			.executions(new BatchMetadataQueries.Filter(null, null, null, schedule.name(), 1, 0))
			.stream()
			.findFirst()
			.map(run -> new ScheduleRow.LastRun(run.jobExecutionId(), run.slot(), run.status(),
					run.startTime() == null ? null
							: Moment.of(run.startTime().atZone(ZoneId.systemDefault()).toInstant())))
			.orElse(null);
		return new ScheduleRow(schedule.name(), schedule.job(), schedule.trigger().toString(),
				schedule.trigger().quartzCron(), schedule.zone().getId(), schedule.calendar().orElse(null),
				schedule.parameters().toString(), schedule.enabled(), controls.state(schedule), fires, last);
	}

	private ScheduleDefinition schedule(String name) {
		return catalog.find(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no schedule " + name + " in " + catalog.file()));
	}

}
