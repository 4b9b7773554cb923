package com.payoutrunner.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.payoutrunner.core.Money;

/**
 * Payout batches, newest first: what each held, what the bank accepted, the success rate.
 */
@RestController
@RequestMapping("/api/batches")
class BatchesController {

	private static final String BATCHES = """
			SELECT b.id, b.reference, b.run_id, b.rail, b.currency, b.connector, b.created_at,
			       count(l.id) AS lines,
			       count(l.id) FILTER (WHERE l.status = 'accepted') AS accepted,
			       count(l.id) FILTER (WHERE l.status IN ('failed', 'rejected')) AS failed,
			       count(l.id) FILTER (WHERE l.status IN ('queued', 'sending')) AS open,
			       coalesce(sum(l.rail_amount_minor), 0) AS amount,
			       coalesce(sum(l.rail_amount_minor) FILTER (WHERE l.status = 'accepted'), 0) AS accepted_amount
			FROM payout_batches b LEFT JOIN payout_batch_lines l ON l.batch_id = b.id
			WHERE (CAST(:run AS bigint) IS NULL OR b.run_id = :run)
			GROUP BY b.id ORDER BY b.id DESC LIMIT :limit""";

	private final JdbcClient jdbc;

	BatchesController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping
	List<Map<String, Object>> batches(@RequestParam(name = "run_id", required = false) Long runId,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new IllegalArgumentException("limit must be 1 to 500");
		}
		return jdbc.sql(BATCHES).param("run", runId).param("limit", limit).query((rs, n) -> {
			String currency = rs.getString("currency");
			long lines = rs.getLong("lines");
			long accepted = rs.getLong("accepted");
			Map<String, Object> batch = new LinkedHashMap<>();
			batch.put("id", rs.getLong("id"));
			batch.put("reference", rs.getString("reference"));
			batch.put("run_id", rs.getLong("run_id"));
			batch.put("rail", rs.getString("rail"));
			batch.put("currency", currency);
			batch.put("connector", rs.getString("connector"));
			batch.put("created_at", rs.getObject("created_at", java.time.OffsetDateTime.class).toString());
			batch.put("lines", lines);
			batch.put("accepted", accepted);
			batch.put("failed", rs.getLong("failed"));
			batch.put("open", rs.getLong("open"));
			batch.put("amount", Money.ofMinor(rs.getLong("amount"), currency).toDecimal().toPlainString());
			batch.put("accepted_amount",
					Money.ofMinor(rs.getLong("accepted_amount"), currency).toDecimal().toPlainString());
			// A rate, not money: a ratio for people to read.
			batch.put("success_rate", lines == 0 ? null : Math.round(accepted * 10000.0 / lines) / 100.0);
			return batch;
		}).list();
	}

}
