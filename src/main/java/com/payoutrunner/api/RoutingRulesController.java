package com.payoutrunner.api;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.util.Currency;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.FieldText;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.fees.RoutingRule;
import com.payoutrunner.fees.RoutingRules;
import com.payoutrunner.payout.Priority;
import com.payoutrunner.requests.JsonAmount;

/**
 * Fee rules over the fee schedule (admin): list, add, change (including
 * {@code "active": false}). A rule's fixed fee and threshold state their currency
 * ({@code fixed_fee_currency}, {@code approval_threshold_currency}; default: the rule's
 * {@code currency}, else EUR). Every change is an audit event with the rule before and
 * after.
 */
@RestController
@RequestMapping("/api/routing-rules")
class RoutingRulesController {

	/** The currency of the fee schedule's amounts, for a rule that states none. */
	private static final String DEFAULT_AMOUNT_CURRENCY = "EUR";

	private final RoutingRules rules;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final MoneyConversion conversion;

	private final InputLimits limits;

	RoutingRulesController(RoutingRules rules, AuditTrail audit, JsonMapper json, MoneyConversion conversion,
			InputLimits limits) {
		this.limits = limits;
		this.rules = rules;
		this.audit = audit;
		this.json = json;
		this.conversion = conversion;
	}

	@GetMapping
	List<RoutingRule> list() {
		return rules.all();
	}

	@PostMapping
	@Transactional
	ResponseEntity<RoutingRule> create(@RequestBody JsonNode body, Principal principal) {
		long id = rules.insert(draft(body), PayoutsController.actor(principal));
		RoutingRule rule = rules.find(id).orElseThrow();
		audit.event("routing_rule", Long.toString(id), "routing_rule_created", AuditCategory.COMPLIANCE, "info",
				PayoutsController.actor(principal), null, json.writeValueAsString(rule));
		return ResponseEntity.created(URI.create("/api/routing-rules/" + id)).body(rule);
	}

	@PutMapping("/{id}")
	@Transactional
	RoutingRule replace(@PathVariable long id, @RequestBody JsonNode body, Principal principal) {
		RoutingRule before = rules.find(id)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "unknown-routing-rule", "no routing rule " + id));
		rules.update(id, draft(body));
		RoutingRule after = rules.find(id).orElseThrow();
		audit.event("routing_rule", Long.toString(id), "routing_rule_changed", AuditCategory.COMPLIANCE, "info",
				PayoutsController.actor(principal), null,
				json.writeValueAsString(json.createObjectNode()
					.set("before", json.valueToTree(before))
					.set("after", json.valueToTree(after))));
		return after;
	}

	private RoutingRules.Draft draft(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw Problems.invalidField("", "the body must be a JSON object");
		}
		JsonNode active = body.get("active");
		if (active != null && !active.isBoolean()) {
			throw Problems.invalidField("active", "must be true or false");
		}
		Priority priority = Priority.fromCode(required(body, "priority"));
		String currency = optional(body, "currency");
		if (currency != null) {
			try {
				Currency.getInstance(currency);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
			}
		}
		BigDecimal min = decimal(body, "min_amount", false);
		BigDecimal max = decimal(body, "max_amount", false);
		if ((min != null || max != null) && currency == null) {
			throw new IllegalArgumentException("an amount band needs a currency");
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw new IllegalArgumentException("min_amount is above max_amount");
		}
		BigDecimal rate = decimal(body, "rate_percent", true);
		BigDecimal fixed = decimal(body, "fixed_fee", true);
		if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) >= 0 || fixed.signum() < 0) {
			throw new IllegalArgumentException("rate_percent must be 0 to under 100 and fixed_fee not negative");
		}
		BigDecimal threshold = decimal(body, "approval_threshold", false);
		if (threshold != null && threshold.signum() <= 0) {
			throw Problems.invalidField("approval_threshold", "must be above zero");
		}
		return new RoutingRules.Draft(priority, currency, optional(body, "origin_module"), min, max, rate, fixed,
				amountCurrency(body, "fixed_fee_currency", currency), threshold,
				threshold == null ? null : amountCurrency(body, "approval_threshold_currency", currency),
				!body.has("active") || body.path("active").asBoolean());
	}

	/**
	 * The currency a fixed fee or threshold is stated in: as given, else the currency the
	 * rule is limited to, else EUR (the fee schedule's). It must have an FX rate, since
	 * it is converted into each payout's currency.
	 */
	private String amountCurrency(JsonNode body, String field, String ruleCurrency) {
		String code = optional(body, field);
		if (code == null) {
			code = ruleCurrency != null ? ruleCurrency : DEFAULT_AMOUNT_CURRENCY;
		}
		Currency currency;
		try {
			currency = Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalidField(field, "'" + code + "' is not an ISO 4217 code");
		}
		if (!conversion.canConvert(currency)) {
			throw Problems.invalidField(field, code + " has no FX rate (config/fx/fx-rates.csv) to convert it");
		}
		return code;
	}

	private String required(JsonNode body, String field) {
		String value = optional(body, field);
		if (value == null) {
			throw Problems.invalidField(field, "is required");
		}
		return value;
	}

	private String optional(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw Problems.invalidField(field, "must be a string");
		}
		var problem = FieldText.problem(node.asString(), limits.maxTextChars());
		if (problem.isPresent()) {
			throw Problems.invalidField(field, problem.get());
		}
		return node.asString().isBlank() ? null : node.asString().strip();
	}

	/** Amounts and percentages by the one money rule: at most 4 decimals here. */
	private static BigDecimal decimal(JsonNode body, String field, boolean required) {
		BigDecimal value;
		try {
			value = JsonAmount.parseDecimal(body.get(field), 4);
		}
		catch (IllegalArgumentException ex) {
			throw Problems.invalidField(field, ex.getMessage());
		}
		if (value == null && required) {
			throw Problems.invalidField(field, "is required");
		}
		// The columns are numeric(20, 4).
		if (value != null && value.precision() - value.scale() > 16) {
			throw Problems.invalidField(field, "has more than 16 digits before the decimal point");
		}
		return value;
	}

}
