package com.payoutrunner.api;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.payout.DeadLetterQueue;
import com.payoutrunner.requests.HttpActor;
import com.payoutrunner.requests.PayoutApprovals;
import com.payoutrunner.requests.PayoutCancellation;
import com.payoutrunner.requests.PayoutCreation;
import com.payoutrunner.requests.PayoutViews;

/**
 * Payouts one by one: create (idempotent), read, list, cancel, and the pending summary.
 */
@RestController
@RequestMapping("/api/payouts")
class PayoutsController {

	/** Who may see a payout's full account: operators and admins. */
	private static final java.util.Set<String> FULL_ACCOUNT_AUTHORITIES = java.util.Set.of("ROLE_OPERATOR",
			"ROLE_ADMIN");

	private final PayoutCreation creation;

	private final PayoutCancellation cancellation;

	private final PayoutViews views;

	private final DeadLetterQueue deadLetters;

	private final PayoutApprovals approvals;

	private final RequestComments comments;

	PayoutsController(PayoutCreation creation, PayoutCancellation cancellation, PayoutViews views,
			DeadLetterQueue deadLetters, PayoutApprovals approvals, RequestComments comments) {
		this.comments = comments;
		this.approvals = approvals;
		this.creation = creation;
		this.cancellation = cancellation;
		this.views = views;
		this.deadLetters = deadLetters;
	}

	/** 201 for a new payout, 200 for the same request again under its key. */
	@PostMapping
	ResponseEntity<Map<String, Object>> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody JsonNode body, Principal principal) {
		var created = creation.create(key, body, actor(principal));
		Map<String, Object> payout = views.payout(created.payoutId()).orElseThrow();
		return created.isNew() ? ResponseEntity.created(URI.create("/api/payouts/" + created.payoutId())).body(payout)
				: ResponseEntity.ok(payout);
	}

	/**
	 * One payout. Operators and admins also see the full account
	 * ({@code beneficiary.account_full}); every list and report keeps it masked.
	 */
	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable long id, Authentication authentication) {
		Map<String, Object> payout = new java.util.LinkedHashMap<>(
				views.payout(id, maySeeFullAccount(authentication)).orElseThrow(() -> notFound(id)));
		List<Map<String, Object>> events = views.trace(id);
		payout.put("latest_events", events.subList(Math.max(0, events.size() - 10), events.size()));
		return payout;
	}

	@GetMapping("/{id}/trace")
	List<Map<String, Object>> trace(@PathVariable long id) {
		views.payout(id).orElseThrow(() -> notFound(id));
		return views.trace(id);
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String priority,
			@RequestParam(name = "origin_module", required = false) String originModule,
			@RequestParam(name = "origin_entity_id", required = false) String originEntityId,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String country,
			@RequestParam(required = false) String rail, @RequestParam(required = false) String event,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int limit) {
		return views.page(new PayoutViews.Filter(status, priority, originModule, originEntityId, currency, country,
				rail, event, from, to), page, limit);
	}

	@PostMapping("/{id}/cancel")
	Map<String, Object> cancel(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) {
		String comment = comments.of(body);
		if (!cancellation.cancel(id, actor(principal), comment)) {
			throw notFound(id);
		}
		return views.payout(id).orElseThrow();
	}

	@PostMapping("/{id}/approve")
	Map<String, Object> approve(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) {
		approvals.expire();
		views.payout(id).orElseThrow(() -> notFound(id));
		var decision = approvals.approve(id, actor(principal), comments.of(body));
		return decided(id, decision);
	}

	@PostMapping("/{id}/reject")
	Map<String, Object> reject(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) {
		approvals.expire();
		views.payout(id).orElseThrow(() -> notFound(id));
		return decided(id, approvals.reject(id, actor(principal), comments.of(body)));
	}

	private Map<String, Object> decided(long id, PayoutApprovals.Decision decision) {
		Map<String, Object> payout = new java.util.LinkedHashMap<>(views.payout(id).orElseThrow());
		payout.put("approvals", decision.approvals());
		payout.put("approvals_required", decision.required());
		return payout;
	}

	@GetMapping("/summary/pending")
	List<Map<String, Object>> pendingSummary() {
		return views.pendingSummary();
	}

	@GetMapping("/failed/dlq")
	List<DeadLetterQueue.Entry> deadLetters(@RequestParam(required = false) String event) {
		return deadLetters.list(event);
	}

	static boolean maySeeFullAccount(Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch(FULL_ACCOUNT_AUTHORITIES::contains);
	}

	static String actor(Principal principal) {
		return HttpActor.of(principal == null ? null : principal.getName());
	}

	private static RuntimeException notFound(long id) {
		return Problems.of(HttpStatus.NOT_FOUND, "unknown-payout", "no payout " + id);
	}

}
