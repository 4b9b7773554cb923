package com.payoutrunner.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

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

import com.payoutrunner.approval.RunApprovalView;
import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.RunLauncher;
import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.FieldText;
import com.payoutrunner.requests.HttpActor;
import com.payoutrunner.requests.PayoutApprovals;
import com.payoutrunner.requests.PayoutViews;

/**
 * Approvals: the payouts and the runs that wait for approvers, and their decisions, with
 * the services and the four-eyes rules of {@code POST /api/payouts/{id}/approve} and
 * {@code POST /api/runs/{id}/approve} (and reject): a payout's approver is named as
 * through the API ({@link HttpActor}), so its creator is refused whichever door they use;
 * a run's by user name, as the API and the command line name its launcher. A refusal is
 * shown on the page, in the service's words.
 */
@Controller
class ApprovalsController {

	private static final int LIST_SIZE = 100;

	/** A payout awaiting approval as the page lists it. */
	public record WaitingPayout(long id, String reference, String amount, String fees, String net, String beneficiary,
			String account, String country, String priority, String createdBy, String age, List<String> approvedBy,
			boolean mine) {
	}

	/** A run awaiting approval as the page lists it. */
	public record WaitingRun(RunApprovalView request, String age, boolean launchedByMe, boolean decidedByMe) {
	}

	private final PayoutViews views;

	private final PayoutApprovals payoutApprovals;

	private final RunApprovals runApprovals;

	private final RunLauncher launcher;

	private final int maxCommentChars;

	private final Clock clock;

	ApprovalsController(PayoutViews views, PayoutApprovals payoutApprovals, RunApprovals runApprovals,
			RunLauncher launcher, InputLimits limits, Clock clock) {
		this.views = views;
		this.payoutApprovals = payoutApprovals;
		this.runApprovals = runApprovals;
		this.launcher = launcher;
		this.maxCommentChars = limits.maxCommentChars();
		this.clock = clock;
	}

	@GetMapping("/approvals")
	String list(HttpServletRequest request, Principal principal, Model model) {
		String me = principal.getName();
		LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("payouts",
				views.awaitingApproval(LIST_SIZE).stream().map(waiting -> payout(waiting, me, now)).toList());
		model.addAttribute("runs",
				runApprovals.list("awaiting", LIST_SIZE)
					.stream()
					.map(run -> new WaitingRun(run, age(run.requestedAt(), now), me.equals(run.launchedBy()),
							run.decisions().stream().anyMatch(decision -> me.equals(decision.by()))))
					.toList());
		model.addAttribute("payoutApprovalsRequired", payoutApprovals.required());
		model.addAttribute("mayDecide", request.isUserInRole("APPROVER"));
		model.addAttribute("maxCommentChars", maxCommentChars);
		return "console/approvals";
	}

	@PostMapping("/approvals/payouts/{id}/approve")
	String approvePayout(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
			RedirectAttributes flash) {
		return decideOnPayout(id, comment, flash, () -> {
			var decision = payoutApprovals.approve(id, HttpActor.of(principal.getName()), comment(comment));
			return "Approved payout " + id + ": " + decision.approvals() + " of " + decision.required() + " approvals; "
					+ ("pending".equals(decision.status()) ? "it is pending for the next run."
							: "it waits for another approver.");
		});
	}

	@PostMapping("/approvals/payouts/{id}/reject")
	String rejectPayout(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
			RedirectAttributes flash) {
		return decideOnPayout(id, comment, flash, () -> {
			payoutApprovals.reject(id, HttpActor.of(principal.getName()), comment(comment));
			return "Rejected payout " + id + ": it will not be paid and its hold is given back.";
		});
	}

	@PostMapping("/approvals/runs/{id}/approve")
	String approveRun(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
			RedirectAttributes flash) throws Exception {
		RunApprovals.Decision decision;
		try {
			decision = runApprovals.approve(id, principal.getName(), comment(comment));
		}
		catch (RunApprovals.NoRequestException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (RunApprovals.RefusedException | RefusedComment ex) {
			return refused(ex, flash);
		}
		if (!decision.approved()) {
			flash.addFlashAttribute("message", "Approved run " + id + ": " + decision.approvals() + " of "
					+ decision.required() + " approvals; it waits for another approver.");
			return "redirect:/approvals";
		}
		// As the API does: the approval that completes a run's approvals resumes it.
		RunLauncher.Launch launch = launcher
			.launch(whenStarted -> runApprovals.resume(decision.jobExecutionId(), whenStarted));
		if (launch.started() == null) {
			flash.addFlashAttribute("problem",
					"Approved run " + id + "; it could not be resumed here: " + launch.result().message() + ".");
			return "redirect:/approvals";
		}
		long resumed = launch.started().getId();
		flash.addFlashAttribute("message", "Approved: the run resumes as run " + resumed + ".");
		return "redirect:/runs/" + resumed;
	}

	@PostMapping("/approvals/runs/{id}/reject")
	String rejectRun(@PathVariable long id, @RequestParam(required = false) String comment, Principal principal,
			RedirectAttributes flash) {
		try {
			runApprovals.reject(id, principal.getName(), comment(comment));
		}
		catch (RunApprovals.NoRequestException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, ex.getMessage());
		}
		catch (RunApprovals.RefusedException | RefusedComment ex) {
			return refused(ex, flash);
		}
		flash.addFlashAttribute("message",
				"Rejected run " + id + ": it sends nothing; its payouts are pending again for a rerun.");
		return "redirect:/approvals";
	}

	private String decideOnPayout(long id, String comment, RedirectAttributes flash,
			java.util.function.Supplier<String> decision) {
		// As the API: expired requests go first, and an unknown payout is a 404.
		payoutApprovals.expire();
		views.payout(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no payout " + id));
		try {
			flash.addFlashAttribute("message", decision.get());
		}
		catch (PayoutApprovals.ApprovalRefusedException | RefusedComment ex) {
			return refused(ex, flash);
		}
		return "redirect:/approvals";
	}

	/**
	 * The comment as the API takes it: blank is none; too long or with a NUL, refused.
	 */
	private String comment(String comment) {
		if (!StringUtils.hasText(comment)) {
			return null;
		}
		FieldText.problem(comment, maxCommentChars).ifPresent(problem -> {
			throw new RefusedComment("the comment " + problem);
		});
		return comment;
	}

	private static String refused(RuntimeException ex, RedirectAttributes flash) {
		flash.addFlashAttribute("problem", "Not done: " + ex.getMessage() + ".");
		return "redirect:/approvals";
	}

	private static WaitingPayout payout(PayoutViews.AwaitingApproval waiting, String me, LocalDateTime now) {
		Map<String, Object> payout = waiting.payout();
		Object currency = payout.get("currency");
		@SuppressWarnings("unchecked")
		Map<String, Object> beneficiary = (Map<String, Object>) payout.get("beneficiary");
		Instant created = OffsetDateTime.parse(payout.get("created_at").toString()).toInstant();
		return new WaitingPayout((Long) payout.get("id"), String.valueOf(payout.get("reference_code")),
				Amounts.of(payout.get("amount"), currency),
				Amounts.of(sum(payout.get("molam_fee"), payout.get("bank_fee")), currency),
				Amounts.of(payout.get("net_amount"), currency), text(beneficiary.get("account_name")),
				text(beneficiary.get("account")), text(beneficiary.get("country")), text(payout.get("priority")),
				waiting.createdBy(), age(created, now), waiting.approvedBy(),
				HttpActor.of(me).equals(waiting.createdBy()));
	}

	/** The payout's fees (ours and the bank's), exact: two decimals of one currency. */
	private static Object sum(Object first, Object second) {
		if (first == null || second == null) {
			return first == null ? second : first;
		}
		return new java.math.BigDecimal(first.toString()).add(new java.math.BigDecimal(second.toString()))
			.toPlainString();
	}

	private static String age(Instant since, LocalDateTime now) {
		return since == null ? "" : Durations.between(LocalDateTime.ofInstant(since, ZoneOffset.UTC), null, now);
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** A comment the API would refuse with a 400. */
	static final class RefusedComment extends IllegalArgumentException {

		RefusedComment(String message) {
			super(message);
		}

	}

}
