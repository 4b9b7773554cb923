package com.payoutrunner.console;

import java.security.Principal;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunControl;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.payout.EventLock;

/**
 * Stop, restart and abandon from a run's page, by the API's rules ({@link RunControl}):
 * each answers with the run's page and a message saying what happened or why not.
 */
@Controller
class RunActionsController {

	private final ConsoleRuns runs;

	private final RunControl control;

	RunActionsController(ConsoleRuns runs, RunControl control) {
		this.runs = runs;
		this.control = control;
	}

	@PostMapping("/runs/{id}/stop")
	String stop(@PathVariable long id, RedirectAttributes flash) throws Exception {
		try {
			return done(id, control.stop(execution(id)), flash);
		}
		catch (RunControl.RunActionRefusedException refused) {
			return refused(id, refused, flash);
		}
	}

	@PostMapping("/runs/{id}/restart")
	String restart(@PathVariable long id, RedirectAttributes flash) throws Exception {
		try {
			RunLauncher.Launch launch = control.restart(execution(id));
			if (launch.started() != null) {
				long restarted = launch.started().getId();
				return done(restarted, "Restarted as run " + restarted + ".", flash);
			}
			return done(id, launch.result().message(), flash);
		}
		catch (RunControl.RunActionRefusedException | PayoutRunOperations.RunNotPastItsGateException
				| EventLock.EventBusyException refused) {
			return refused(id, refused, flash);
		}
	}

	@PostMapping("/runs/{id}/abandon")
	String abandon(@PathVariable long id, Principal user, RedirectAttributes flash) throws Exception {
		try {
			return done(id, control.abandon(execution(id), user.getName()), flash);
		}
		catch (RunControl.RunActionRefusedException refused) {
			return refused(id, refused, flash);
		}
	}

	private JobExecution execution(long id) {
		runs.run(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + id));
		return runs.execution(id);
	}

	private static String done(long id, String message, RedirectAttributes flash) {
		flash.addFlashAttribute("message", Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
		return "redirect:/runs/" + id;
	}

	private static String refused(long id, RuntimeException refusal, RedirectAttributes flash) {
		flash.addFlashAttribute("problem", "Not done: " + refusal.getMessage() + ".");
		return "redirect:/runs/" + id;
	}

}
