package com.payoutrunner.api;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.approval.RunApprovalView;
import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.RunLauncher;

/**
 * Approving and rejecting runs that wait over the run ceiling, and listing them. The
 * approval that completes a run's approvals resumes it in the background (202 with the
 * resumed execution's {@code Location}); the others answer 200 with the decisions so far.
 * People are compared by user name, as the command line's {@code --by}.
 */
@RestController
@RequestMapping("/api/runs")
class RunApprovalsController {

	private final RunApprovals approvals;

	private final RunLauncher launcher;

	private final RequestComments comments;

	RunApprovalsController(RunApprovals approvals, RunLauncher launcher, RequestComments comments) {
		this.comments = comments;
		this.approvals = approvals;
		this.launcher = launcher;
	}

	/** Newest first; {@code status}: awaiting (default), approved, rejected or all. */
	@GetMapping("/approvals")
	List<RunApprovalView> list(@RequestParam(defaultValue = "awaiting") String status,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be 1 to 500");
		}
		return approvals.list("all".equals(status) ? null : status, limit);
	}

	@PostMapping("/{id}/approve")
	ResponseEntity<Map<String, Object>> approve(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) throws Exception {
		RunApprovals.Decision decision = approvals.approve(id, principal.getName(), comments.of(body));
		Map<String, Object> answer = answer(decision);
		if (!decision.approved()) {
			return ResponseEntity.ok(answer);
		}
		RunLauncher.Launch launch = launcher
			.launch(whenStarted -> approvals.resume(decision.jobExecutionId(), whenStarted));
		if (launch.started() == null) {
			answer.put("message", "approved; the run could not be resumed here: " + launch.result().message());
			return ResponseEntity.ok(answer);
		}
		long resumed = launch.started().getId();
		answer.put("message", "approved: the run resumes as execution " + resumed);
		answer.put("resumed", "/api/runs/" + resumed);
		return ResponseEntity.accepted().location(URI.create("/api/runs/" + resumed)).body(answer);
	}

	@PostMapping("/{id}/reject")
	Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) {
		Map<String, Object> answer = answer(approvals.reject(id, principal.getName(), comments.of(body)));
		answer.put("message", "rejected: the run sends nothing; its payouts are pending again for a rerun");
		return answer;
	}

	private Map<String, Object> answer(RunApprovals.Decision decision) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", decision.jobExecutionId());
		answer.put("run_id", decision.runId());
		answer.put("status", decision.status());
		answer.put("approvals", decision.approvals());
		answer.put("approvals_required", decision.required());
		answer.put("approval", approvals.ofRun(decision.runId()).orElse(null));
		return answer;
	}

}
