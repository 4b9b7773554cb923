package com.payoutrunner.batching;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.parameters.JobParameters;

import com.payoutrunner.payout.Priority;

/**
 * Which payouts a run picks up: all of one liquidation event (an event run), or, for a
 * scheduled run, the open payouts of every event, optionally narrowed to some priorities,
 * currencies and origin modules. Builds the readers' SQL filter from values it has
 * checked (priorities from the enum, currencies as three capital letters), bound as
 * parameters.
 */
public record RunSelection(String event, List<String> priorities, List<String> currencies, List<String> originModules) {

	/** The statuses a scheduled run looks at: what may still be paid, or is in doubt. */
	static final String OPEN_STATUSES = "('pending', 'failed', 'queued', 'sending')";

	public RunSelection {
		priorities = List.copyOf(priorities);
		currencies = List.copyOf(currencies);
		originModules = List.copyOf(originModules);
		Set<String> known = Arrays.stream(Priority.values())
			.map(Priority::code)
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
		for (String priority : priorities) {
			if (!known.contains(priority)) {
				throw new IllegalArgumentException("unknown priority '" + priority + "' (known: " + known + ")");
			}
		}
		for (String module : originModules) {
			if (!module.matches("[a-z][a-z0-9_-]{0,31}")) {
				throw new IllegalArgumentException("origin module '" + module + "' is not a module name");
			}
		}
		for (String currency : currencies) {
			if (!currency.matches("[A-Z]{3}")) {
				throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
			}
		}
	}

	public static RunSelection ofEvent(String event) {
		return new RunSelection(event, List.of(), List.of(), List.of());
	}

	public static RunSelection fromJobParameters(JobParameters parameters) {
		return new RunSelection(parameters.getString(PayoutRunJobParameters.EVENT),
				list(parameters.getString(PayoutRunJobParameters.PRIORITIES)),
				list(parameters.getString(PayoutRunJobParameters.CURRENCIES)),
				list(parameters.getString(PayoutRunJobParameters.ORIGIN_MODULES)));
	}

	public boolean isEventRun() {
		return event != null;
	}

	/**
	 * The WHERE clause over payouts (or the submit step's line view, which carries the
	 * same columns). An event run reads every payout of the event, so that its report
	 * accounts for all of them; a scheduled run reads only open payouts.
	 */
	public String whereClause() {
		StringBuilder where = new StringBuilder(
				isEventRun() ? "WHERE liquidation_event_id = :event" : "WHERE status IN " + OPEN_STATUSES);
		if (!priorities.isEmpty()) {
			where.append(" AND priority = ANY(CAST(:priorities AS text[]))");
		}
		if (!currencies.isEmpty()) {
			where.append(" AND currency = ANY(CAST(:currencies AS text[]))");
		}
		if (!originModules.isEmpty()) {
			where.append(" AND origin_module = ANY(CAST(:originModules AS text[]))");
		}
		return where.toString();
	}

	public Map<String, Object> parameters() {
		Map<String, Object> values = new LinkedHashMap<>();
		if (isEventRun()) {
			values.put("event", event);
		}
		if (!priorities.isEmpty()) {
			values.put("priorities", priorities.toArray(String[]::new));
		}
		if (!currencies.isEmpty()) {
			values.put("currencies", currencies.toArray(String[]::new));
		}
		if (!originModules.isEmpty()) {
			values.put("originModules", originModules.toArray(String[]::new));
		}
		return values;
	}

	/** "a, b,,c" → [a, b, c]; null or blank → empty. */
	static List<String> list(String commaSeparated) {
		if (commaSeparated == null || commaSeparated.isBlank()) {
			return List.of();
		}
		return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
