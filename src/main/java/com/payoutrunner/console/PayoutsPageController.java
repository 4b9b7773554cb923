package com.payoutrunner.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.payout.PayoutStatus;
import com.payoutrunner.payout.Priority;
import com.payoutrunner.requests.PayoutViews;

/**
 * Payouts: the search of {@code GET /api/payouts} (its filters, its query service
 * {@link PayoutViews}, its checks), a page at a time, and a payout's page with its trace
 * ({@code GET /api/payouts/{id}/trace}) as a timeline. Accounts are masked everywhere
 * here, whoever looks.
 */
@Controller
class PayoutsPageController {

	private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final PayoutViews views;

	private final JsonMapper json;

	PayoutsPageController(PayoutViews views, JsonMapper json) {
		this.views = views;
		this.json = json;
	}

	@GetMapping("/payouts")
	String search(@RequestParam Map<String, String> query, Model model) {
		PayoutSearch search = PayoutSearch.of(query);
		model.addAttribute("search", search);
		model.addAttribute("statuses", List.of(PayoutStatus.values()).stream().map(PayoutStatus::code).toList());
		model.addAttribute("priorities", List.of(Priority.values()).stream().map(Priority::code).toList());
		if (!search.problems().isEmpty()) {
			model.addAttribute("problems", search.problems());
			return "console/payouts";
		}
		Map<String, Object> page;
		try {
			page = views.page(search.filter(), search.page(), PayoutSearch.PAGE_SIZE);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("problems", List.of(ex.getMessage()));
			return "console/payouts";
		}
		long current = ((Number) page.get("page")).longValue();
		long pages = ((Number) page.get("pages")).longValue();
		model.addAttribute("result", page);
		model.addAttribute("previous", current > 1 ? search.pageLink(current - 1) : null);
		model.addAttribute("next", current < pages ? search.pageLink(current + 1) : null);
		return "console/payouts";
	}

	@GetMapping("/payouts/{id}")
	String show(@PathVariable long id, Model model) {
		Map<String, Object> payout = views.payout(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no payout " + id));
		model.addAttribute("payout", payout);
		model.addAttribute("timeline",
				views.trace(id)
					.stream()
					.map(event -> TimelineEntry.of(event, details((String) event.get("details"))))
					.toList());
		return "console/payout";
	}

	private Map<String, Object> details(String details) {
		return details == null ? Map.of() : json.readValue(details, DETAILS);
	}

}
