package com.payoutrunner.payout;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The liquidation events that can be run (those with payouts), newest first, each with
 * its payouts counted per status. Only the events of one page are counted, through the
 * payouts' event index, so the list costs what those events hold, not the whole table.
 */
@Repository
public class EventCatalog {

	private static final String EVENTS = """
			SELECT e.id, e.created_at, p.status, count(*) AS payouts
			FROM (SELECT id, created_at FROM liquidation_events e
			      WHERE EXISTS (SELECT 1 FROM payouts p WHERE p.liquidation_event_id = e.id)
			        AND (CAST(:contains AS text) IS NULL OR position(lower(:contains) IN lower(e.id)) > 0)
			      ORDER BY created_at DESC, id LIMIT :limit) e
			JOIN payouts p ON p.liquidation_event_id = e.id
			GROUP BY e.id, e.created_at, p.status
			ORDER BY e.created_at DESC, e.id""";

	/** An event and its payouts per status (in {@link PayoutStatus} order). */
	public record Event(String id, Instant importedAt, long payouts, Map<PayoutStatus, Long> byStatus) {
	}

	private final JdbcClient jdbc;

	public EventCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param contains part of the event id, any case; null for every event
	 * @param limit at most this many events
	 */
	public List<Event> events(String contains, int limit) {
		Map<String, Instant> imported = new LinkedHashMap<>();
		Map<String, Map<PayoutStatus, Long>> counts = new LinkedHashMap<>();
		jdbc.sql(EVENTS).param("contains", contains).param("limit", limit).query(rs -> {
			String id = rs.getString("id");
			imported.put(id, rs.getObject("created_at", OffsetDateTime.class).toInstant());
			counts.computeIfAbsent(id, e -> new EnumMap<>(PayoutStatus.class))
				.put(PayoutStatus.fromCode(rs.getString("status")), rs.getLong("payouts"));
		});
		List<Event> events = new ArrayList<>();
		counts.forEach((id, byStatus) -> events.add(new Event(id, imported.get(id),
				byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus)));
		return events;
	}

}
