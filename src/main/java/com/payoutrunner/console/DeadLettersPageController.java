package com.payoutrunner.console;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.payoutrunner.ledger.InsufficientFundsException;
import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.payout.EventLock;

/**
 * The dead-letter queue: its payouts, and retry or cancel for operators, doing what the
 * command line's {@code retry} and {@code cancel} do ({@link DeadLetterQueue}), the
 * signed-in operator named in the audit. Each answers with the list and a message saying
 * what happened, or why nothing did.
 */
@Controller
class DeadLettersPageController {

	private final DeadLetterQueue queue;

	DeadLettersPageController(DeadLetterQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/dead-letters")
	String list(@RequestParam(required = false) String event, HttpServletRequest request, Model model) {
		String wantedEvent = StringUtils.hasText(event) ? event.strip() : null;
		model.addAttribute("entries", queue.list(wantedEvent).stream().map(DeadLetterRow::of).toList());
		model.addAttribute("event", wantedEvent);
		model.addAttribute("operator", request.isUserInRole("OPERATOR"));
		return "console/dead-letters";
	}

	@PostMapping("/dead-letters/{id}/retry")
	String retry(@PathVariable long id, @RequestParam(required = false) String event, Principal user,
			RedirectAttributes flash) {
		return act(() -> queue.retry(id, user.getName()),
				"Payout " + id + " is pending again; the next run (or rerun) of its event pays it.", event, flash);
	}

	@PostMapping("/dead-letters/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String event, Principal user,
			RedirectAttributes flash) {
		return act(() -> queue.cancel(id, user.getName()), "Payout " + id + " is cancelled: it will not be paid.",
				event, flash);
	}

	/** Back to the list (as it was filtered) with what happened or why not. */
	private static String act(Runnable action, String done, String event, RedirectAttributes flash) {
		try {
			action.run();
			flash.addFlashAttribute("message", done);
		}
		catch (IllegalArgumentException | InsufficientFundsException | EventLock.EventBusyException refused) {
			flash.addFlashAttribute("problem", "Not done: " + refused.getMessage() + ".");
		}
		if (StringUtils.hasText(event)) {
			flash.addAttribute("event", event.strip());
		}
		return "redirect:/dead-letters";
	}

}
