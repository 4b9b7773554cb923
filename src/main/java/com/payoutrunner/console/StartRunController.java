package com.payoutrunner.console;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.payout.EventCatalog;
import com.payoutrunner.payout.EventLock;
import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.preview.RunPreview;

/**
 * Start a run: the events that can be run, an event's dry-run preview (the preview the
 * API's and the command line's dry run take), and the launch from it, exactly as
 * {@code POST /api/runs} launches: in the background, answering once the run has started,
 * with the operations' own refusals (unknown event, a run in progress, already done).
 */
@Controller
class StartRunController {

	private static final int LIST_SIZE = 50;

	private final EventCatalog catalog;

	private final RunPreview previews;

	private final RunApprovals approvals;

	private final RunLauncher launcher;

	private final PayoutRunOperations runs;

	StartRunController(EventCatalog catalog, RunPreview previews, RunApprovals approvals, RunLauncher launcher,
			PayoutRunOperations runs) {
		this.catalog = catalog;
		this.previews = previews;
		this.approvals = approvals;
		this.launcher = launcher;
		this.runs = runs;
	}

	@GetMapping("/events")
	String events(@RequestParam(required = false) String event, Model model) {
		String wanted = StringUtils.hasText(event) ? event.strip() : null;
		model.addAttribute("events", catalog.events(wanted, LIST_SIZE));
		model.addAttribute("statuses", List.of(PayoutStatus.values()));
		model.addAttribute("event", wanted);
		return "console/events";
	}

	@GetMapping("/events/{event}/preview")
	String preview(@PathVariable String event, HttpServletRequest request, Model model) throws IOException {
		RunPreview.Result preview;
		try {
			preview = previews.preview(event, null);
		}
		catch (PayoutRunOperations.UnknownEventException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		model.addAttribute("preview", PreviewPage.of(preview, approvals.assess(preview.summary().totals())));
		model.addAttribute("mayLaunch", request.isUserInRole("OPERATOR"));
		return "console/preview";
	}

	@PostMapping("/events/{event}/runs")
	String launch(@PathVariable String event, @RequestParam(defaultValue = "false") boolean rerun, Principal principal,
			RedirectAttributes flash) throws Exception {
		String by = principal.getName();
		RunLauncher.Launch launch;
		try {
			launch = launcher
				.launch(whenStarted -> rerun ? runs.rerun(event, by, whenStarted) : runs.run(event, by, whenStarted));
		}
		catch (PayoutRunOperations.UnknownEventException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (EventLock.EventBusyException | PayoutRunOperations.RunNotPastItsGateException ex) {
			flash.addFlashAttribute("problem", "Not started: " + ex.getMessage() + ".");
			return previewOf(event);
		}
		if (launch.started() != null) {
			long id = launch.started().getId();
			flash.addFlashAttribute("message", "Started run " + id + " of " + event + ", launched by " + by
					+ ". This page follows it until it ends.");
			return "redirect:/runs/" + id;
		}
		// Nothing started (already done, not resumable): the operations' own sentence.
		flash.addFlashAttribute("problem", "Not started: " + launch.result().message() + ".");
		return previewOf(event);
	}

	private static String previewOf(String event) {
		return "redirect:/events/" + UriUtils.encodePathSegment(event, java.nio.charset.StandardCharsets.UTF_8)
				+ "/preview";
	}

}
