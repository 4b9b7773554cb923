package com.payoutrunner.console;

import java.util.List;
import java.util.Map;

/**
 * One event of a payout's trace, as its timeline shows it: when, what happened (the audit
 * action in words), who did it, in which run, and the event's details (those with a
 * value).
 */
public record TimelineEntry(Moment at, String action, String what, String severity, String actor, Long runId,
		List<Detail> details) {

	/** One field of the event's details. */
	public record Detail(String name, String value) {
	}

	/**
	 * @param event one event of {@code PayoutViews.trace}
	 * @param details its details, read from their JSON
	 */
	static TimelineEntry of(Map<String, Object> event, Map<String, Object> details) {
		String action = (String) event.get("action");
		Object run = event.get("run_id");
		return new TimelineEntry(Moment.parse((String) event.get("at")), action, words(action),
				(String) event.get("severity"), (String) event.get("actor"),
				run == null ? null : ((Number) run).longValue(),
				details.entrySet()
					.stream()
					.filter(detail -> detail.getValue() != null)
					.map(detail -> new Detail(detail.getKey().replace('_', ' '), String.valueOf(detail.getValue())))
					.toList());
	}

	/** {@code payment_order_created} reads "Payment order created". */
	static String words(String action) {
		String words = action.replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
