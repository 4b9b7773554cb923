package com.payoutrunner.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.core.AccountMask;
import com.payoutrunner.core.FieldCipher;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.PayoutReference;

/** Payouts as the API shows them: amounts as decimal strings, accounts masked. */
@Repository
public class PayoutViews {

	private static final String COLUMNS = """
			p.id, p.external_id, p.liquidation_event_id, p.investor_id, p.status, p.priority, p.origin_module,
			p.origin_entity_id, p.currency, p.amount_minor, p.molam_fee_minor, p.bank_fee_minor, p.net_minor,
			p.investor_name, p.country, p.external_account_id, p.iban, p.account_number, p.bic, p.scheduled_at, p.payment_order_id, p.last_error,
			p.skip_reason, p.failed_attempts, p.created_at, p.updated_at, h.id AS hold_id, h.status AS hold_status,
			h.amount_minor AS hold_amount_minor, h.released_minor AS hold_released_minor, h.settled_minor AS hold_settled_minor,
			h.expires_at AS hold_expires_at""";

	/** The filters of the list; null means any. */
	public record Filter(String status, String priority, String originModule, String originEntityId, String currency,
			String country, String rail, String event, LocalDate from, LocalDate to) {
	}

	/**
	 * A payout waiting for approvers: its view (amounts, fees, masked beneficiary), who
	 * created it (whom four eyes exclude) and who has approved it so far.
	 */
	public record AwaitingApproval(Map<String, Object> payout, String createdBy, List<String> approvedBy) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	public PayoutViews(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** A payout with its account masked. */
	public Optional<Map<String, Object>> payout(long id) {
		return payout(id, false);
	}

	/**
	 * A payout; with {@code fullAccount}, its beneficiary also carries the unmasked
	 * account as {@code account_full} (the caller decides who may see it).
	 */
	public Optional<Map<String, Object>> payout(long id, boolean fullAccount) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM payouts p LEFT JOIN holds h ON h.payout_id = p.id WHERE p.id = :id")
			.param("id", id)
			.query((rs, n) -> view(rs, fullAccount))
			.optional();
	}

	/** The largest page the list gives. */
	public static final int MAX_LIMIT = 500;

	/**
	 * One page of the payouts that pass the filter, newest first.
	 * @throws IllegalArgumentException when the page is below 1 or the limit out of 1 to
	 * {@link #MAX_LIMIT}
	 */
	public Map<String, Object> page(Filter filter, int page, int limit) {
		if (page < 1 || limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("page must be 1 or more, limit 1 to " + MAX_LIMIT);
		}
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		add(where, params, "p.status = :status", "status", filter.status());
		add(where, params, "p.priority = :priority", "priority", filter.priority());
		add(where, params, "p.origin_module = :module", "module", filter.originModule());
		add(where, params, "CAST(p.origin_entity_id AS text) = :entity", "entity", filter.originEntityId());
		add(where, params, "p.currency = :currency", "currency", filter.currency());
		add(where, params, "p.country = :country", "country", filter.country());
		add(where, params, "p.liquidation_event_id = :event", "event", filter.event());
		add(where, params, "EXISTS (SELECT 1 FROM payout_batch_lines l WHERE l.payout_id = p.id AND l.rail = :rail)",
				"rail", filter.rail());
		add(where, params, "p.created_at >= CAST(:from AS date)", "from", filter.from());
		add(where, params, "p.created_at < CAST(:to AS date) + 1", "to", filter.to());
		long total = jdbc.sql("SELECT count(*) FROM payouts p" + where).params(params).query(Long.class).single();
		params.put("limit", limit);
		params.put("offset", (long) (page - 1) * limit);
		List<Map<String, Object>> items = jdbc
			.sql("SELECT " + COLUMNS + " FROM payouts p LEFT JOIN holds h ON h.payout_id = p.id" + where
					+ " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> view(rs, false))
			.list();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("page", page);
		body.put("limit", limit);
		body.put("total", total);
		body.put("pages", (total + limit - 1) / limit);
		return body;
	}

	/** The payouts awaiting approval, newest first (as the API lists payouts). */
	public List<AwaitingApproval> awaitingApproval(int limit) {
		List<Map<String, Object>> payouts = new ArrayList<>();
		Map<Long, String> creators = new LinkedHashMap<>();
		jdbc.sql("SELECT " + COLUMNS + ", p.created_by FROM payouts p LEFT JOIN holds h ON h.payout_id = p.id"
				+ " WHERE p.status = 'awaiting_approval' ORDER BY p.id DESC LIMIT :limit")
			.param("limit", limit)
			.query(rs -> {
				payouts.add(view(rs, false));
				creators.put(rs.getLong("id"), rs.getString("created_by"));
			});
		Map<Long, List<String>> approvers = new LinkedHashMap<>();
		jdbc.sql("SELECT payout_id, approver FROM payout_approvals WHERE decision = 'approve'"
				+ " AND payout_id = ANY(CAST(:ids AS bigint[])) ORDER BY id")
			.param("ids", creators.keySet().toArray(Long[]::new))
			.query(rs -> {
				approvers.computeIfAbsent(rs.getLong("payout_id"), id -> new ArrayList<>())
					.add(rs.getString("approver"));
			});
		return payouts.stream().map(payout -> {
			long id = (Long) payout.get("id");
			return new AwaitingApproval(payout, creators.get(id), approvers.getOrDefault(id, List.of()));
		}).toList();
	}

	/**
	 * Count, amount and net of payouts not yet with a bank, by currency, priority and
	 * module.
	 */
	public List<Map<String, Object>> pendingSummary() {
		return jdbc.sql("""
				SELECT currency, priority, origin_module, count(*) AS payouts, sum(amount_minor) AS amount,
				       sum(coalesce(net_minor, amount_minor)) AS net
				FROM payouts WHERE status IN ('pending', 'awaiting_approval', 'queued') AND amount_minor IS NOT NULL
				GROUP BY currency, priority, origin_module ORDER BY currency, priority, origin_module""")
			.query((rs, n) -> {
				Map<String, Object> row = new LinkedHashMap<>();
				String currency = rs.getString("currency");
				row.put("currency", currency);
				row.put("priority", rs.getString("priority"));
				row.put("origin_module", rs.getString("origin_module"));
				row.put("count", rs.getLong("payouts"));
				row.put("amount", decimal(rs.getLong("amount"), currency));
				row.put("net", decimal(rs.getLong("net"), currency));
				return row;
			})
			.list();
	}

	/** The payout's audit events, oldest first. */
	public List<Map<String, Object>> trace(long id) {
		// An imported payout's first event is its import: read from the payout's own row
		// (when, which import run, which line of which event), as the import writes no
		// audit row per payout (a million of them would double the import's writes).
		return jdbc.sql("""
				SELECT occurred_at, action, category, severity, actor, run_id, details FROM (
				    SELECT created_at AS occurred_at, 'payout_imported' AS action, 'financial' AS category,
				        'info' AS severity, 'import' AS actor, import_job_instance_id AS run_id,
				        json_build_object('liquidation_event_id', liquidation_event_id,
				            'source_line', source_line)::text AS details, 0 AS ord
				    FROM payouts WHERE id = :payoutId AND import_job_instance_id IS NOT NULL
				    UNION ALL
				    SELECT occurred_at, action, category, severity, actor, run_id, details::text, id
				    FROM audit_events WHERE entity_type = 'payout' AND entity_id = :id) AS trace
				ORDER BY ord""").param("id", Long.toString(id)).param("payoutId", id).query((rs, n) -> {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("at", rs.getObject("occurred_at", OffsetDateTime.class).toString());
			event.put("action", rs.getString("action"));
			event.put("category", rs.getString("category"));
			event.put("severity", rs.getString("severity"));
			event.put("actor", rs.getString("actor"));
			event.put("run_id", rs.getObject("run_id"));
			event.put("details", rs.getString("details"));
			return event;
		}).list();
	}

	private static void add(StringBuilder where, Map<String, Object> params, String condition, String name,
			Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			where.append(" AND ").append(condition);
			params.put(name, value instanceof LocalDate date ? date.toString() : value);
		}
	}

	private Map<String, Object> view(ResultSet rs, boolean fullAccount) throws SQLException {
		long id = rs.getLong("id");
		String currency = rs.getString("currency");
		OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("external_id", rs.getString("external_id"));
		view.put("reference_code", PayoutReference.of(id, created.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()));
		view.put("liquidation_event_id", rs.getString("liquidation_event_id"));
		view.put("status", rs.getString("status"));
		view.put("priority", rs.getString("priority"));
		view.put("origin_module", rs.getString("origin_module"));
		view.put("origin_entity_id", rs.getString("origin_entity_id"));
		view.put("currency", currency);
		view.put("amount", decimal((Long) rs.getObject("amount_minor"), currency));
		view.put("molam_fee", decimal((Long) rs.getObject("molam_fee_minor"), currency));
		view.put("bank_fee", decimal((Long) rs.getObject("bank_fee_minor"), currency));
		view.put("net_amount", decimal((Long) rs.getObject("net_minor"), currency));
		Map<String, Object> beneficiary = new LinkedHashMap<>();
		beneficiary.put("account_name", rs.getString("investor_name"));
		String account = cipher
			.decrypt(rs.getString("iban") != null ? rs.getString("iban") : rs.getString("account_number"));
		String external = cipher.decrypt(rs.getString("external_account_id"));
		// Rows from before held the account itself here: never shown in clear.
		beneficiary.put("external_account_id", external == null || external.equals(account) ? null : external);
		beneficiary.put("account", AccountMask.mask(account));
		if (fullAccount) {
			beneficiary.put("account_full", account);
		}
		beneficiary.put("bic", rs.getString("bic"));
		beneficiary.put("country", rs.getString("country"));
		view.put("beneficiary", beneficiary);
		OffsetDateTime scheduled = rs.getObject("scheduled_at", OffsetDateTime.class);
		view.put("scheduled_run", scheduled == null ? null : scheduled.toString());
		view.put("payment_order_id", rs.getString("payment_order_id"));
		view.put("last_error", rs.getString("last_error"));
		view.put("skip_reason", rs.getString("skip_reason"));
		view.put("failed_attempts", rs.getInt("failed_attempts"));
		Long holdId = (Long) rs.getObject("hold_id");
		view.put("hold_id", holdId);
		if (holdId != null) {
			Map<String, Object> hold = new LinkedHashMap<>();
			hold.put("id", holdId);
			hold.put("status", rs.getString("hold_status"));
			hold.put("amount", decimal(rs.getLong("hold_amount_minor"), currency));
			// Settled: what the balance was debited; released: what the bank did not pay.
			hold.put("settled", decimal(rs.getLong("hold_settled_minor"), currency));
			hold.put("released", decimal(rs.getLong("hold_released_minor"), currency));
			hold.put("expires_at", rs.getObject("hold_expires_at", OffsetDateTime.class).toString());
			view.put("hold", hold);
		}
		view.put("created_at", created.toString());
		view.put("updated_at", rs.getObject("updated_at", OffsetDateTime.class).toString());
		return view;
	}

	static String decimal(Long minor, String currency) {
		return minor == null ? null : Money.ofMinor(minor, currency).toDecimal().toPlainString();
	}

}
