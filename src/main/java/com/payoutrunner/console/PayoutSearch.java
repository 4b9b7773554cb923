package com.payoutrunner.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

import com.payoutrunner.requests.PayoutViews;

/**
 * The payouts page's search form: the filters of {@code GET /api/payouts}, under the same
 * names, as typed. A date that is not one, or a page that is not a number, is a problem
 * to show beside the form, never a failed request.
 */
public record PayoutSearch(Map<String, String> values, List<String> problems) {

	/** The filters, by the name of their query parameter. */
	static final List<String> FILTERS = List.of("status", "priority", "origin_module", "origin_entity_id", "currency",
			"country", "rail", "event", "from", "to");

	static final int PAGE_SIZE = 50;

	static PayoutSearch of(Map<String, String> query) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String name : FILTERS) {
			String value = query.get(name);
			values.put(name, StringUtils.hasText(value) ? value.strip() : null);
		}
		values.put("page", StringUtils.hasText(query.get("page")) ? query.get("page").strip() : null);
		List<String> problems = new ArrayList<>();
		date(values, "from", problems);
		date(values, "to", problems);
		page(values, problems);
		return new PayoutSearch(values, problems);
	}

	public String value(String name) {
		return values.get(name);
	}

	PayoutViews.Filter filter() {
		return new PayoutViews.Filter(value("status"), value("priority"), value("origin_module"),
				value("origin_entity_id"), value("currency"), value("country"), value("rail"), value("event"),
				parsedDate("from"), parsedDate("to"));
	}

	int page() {
		return value("page") == null ? 1 : Integer.parseInt(value("page"));
	}

	/** The link to another page of the same search. */
	String pageLink(long page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/payouts");
		FILTERS.stream().filter(name -> value(name) != null).forEach(name -> link.queryParam(name, value(name)));
		return link.queryParam("page", page).encode().build().toUriString();
	}

	private LocalDate parsedDate(String name) {
		return value(name) == null ? null : LocalDate.parse(value(name));
	}

	private static void date(Map<String, String> values, String name, List<String> problems) {
		String value = values.get(name);
		if (value == null) {
			return;
		}
		try {
			LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(name + ": '" + value + "' is not a date like 2026-12-05");
		}
	}

	private static void page(Map<String, String> values, List<String> problems) {
		String value = values.get("page");
		if (value != null && !value.matches("[0-9]{1,9}")) {
			problems.add("page: '" + value + "' is not a page number");
		}
	}

}
