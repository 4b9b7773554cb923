package com.payoutrunner.fees;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.payoutrunner.payout.Priority;

/** The routing rules in the database. */
@Repository
public class RoutingRules {

	private static final String COLUMNS = """
			id, priority, currency, origin_module, min_amount, max_amount, rate_percent, fixed_fee, fixed_fee_currency,
			approval_threshold, approval_threshold_currency, active""";

	/**
	 * A rule as written by an operator, before it has an id; the currencies of its fixed
	 * fee and threshold are stated (see {@link RoutingRule}).
	 */
	public record Draft(Priority priority, String currency, String originModule, BigDecimal minAmount,
			BigDecimal maxAmount, BigDecimal ratePercent, BigDecimal fixedFee, String fixedFeeCurrency,
			BigDecimal approvalThreshold, String approvalThresholdCurrency, boolean active) {
	}

	private final JdbcClient jdbc;

	public RoutingRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<RoutingRule> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rules ORDER BY id").query(RoutingRules::rule).list();
	}

	public List<RoutingRule> active(Priority priority) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rules WHERE active AND priority = :priority ORDER BY id")
			.param("priority", priority.code())
			.query(RoutingRules::rule)
			.list();
	}

	public Optional<RoutingRule> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM routing_rules WHERE id = :id")
			.param("id", id)
			.query(RoutingRules::rule)
			.optional();
	}

	public long insert(Draft draft, String actor) {
		return jdbc.sql("""
				INSERT INTO routing_rules (priority, currency, origin_module, min_amount, max_amount, rate_percent,
				    fixed_fee, fixed_fee_currency, approval_threshold, approval_threshold_currency, active, created_by)
				VALUES (:priority, :currency, :module, :min, :max, :rate, :fixed, :fixed_currency, :threshold,
				    :threshold_currency, :active, :actor)
				RETURNING id""").params(params(draft)).param("actor", actor).query(Long.class).single();
	}

	public boolean update(long id, Draft draft) {
		return jdbc.sql("""
				UPDATE routing_rules SET priority = :priority, currency = :currency, origin_module = :module,
				    min_amount = :min, max_amount = :max, rate_percent = :rate, fixed_fee = :fixed,
				    fixed_fee_currency = :fixed_currency, approval_threshold = :threshold,
				    approval_threshold_currency = :threshold_currency, active = :active, updated_at = now()
				WHERE id = :id""").params(params(draft)).param("id", id).update() == 1;
	}

	private static java.util.Map<String, Object> params(Draft draft) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("priority", draft.priority().code());
		params.put("currency", draft.currency());
		params.put("module", draft.originModule());
		params.put("min", draft.minAmount());
		params.put("max", draft.maxAmount());
		params.put("rate", draft.ratePercent());
		params.put("fixed", draft.fixedFee());
		params.put("fixed_currency", draft.fixedFeeCurrency());
		params.put("threshold", draft.approvalThreshold());
		params.put("threshold_currency", draft.approvalThresholdCurrency());
		params.put("active", draft.active());
		return params;
	}

	private static RoutingRule rule(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new RoutingRule(rs.getLong("id"), Priority.fromCode(rs.getString("priority")), code(rs, "currency"),
				rs.getString("origin_module"), rs.getBigDecimal("min_amount"), rs.getBigDecimal("max_amount"),
				rs.getBigDecimal("rate_percent"), rs.getBigDecimal("fixed_fee"), code(rs, "fixed_fee_currency"),
				rs.getBigDecimal("approval_threshold"), code(rs, "approval_threshold_currency"),
				rs.getBoolean("active"));
	}

	private static String code(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		String value = rs.getString(column);
		return value == null ? null : value.trim();
	}

}
