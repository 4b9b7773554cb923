package com.payoutrunner.requests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.audit.AuditCategory;
import com.payoutrunner.audit.AuditTrail;
import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.Fingerprints;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.MoneyConversion;
import com.payoutrunner.fees.ApprovalPolicy;
import com.payoutrunner.fees.Fee;
import com.payoutrunner.fees.Pricing;
import com.payoutrunner.fees.RoutingRules;
import com.payoutrunner.ledger.Ledger;
import com.payoutrunner.payout.PayoutStatus;

/**
 * Creates a payout from an API request, once per idempotency key: checks it, prices it
 * ({@link Pricing}: the rule's percentage is the platform fee, its fixed part the bank
 * fee), decides whether it waits for approvers ({@link ApprovalPolicy}: above its
 * threshold or the ceiling, by value in any currency), stores it, and reserves its gross
 * amount with a hold, all in one transaction. The same key again with the same request
 * returns the payout already made (no second hold or fee); with another request it is
 * refused. Two concurrent requests with one key meet at the unique key: the second waits
 * for the first and then finds its payout. "The same request" is decided by its keyed
 * fingerprint ({@link Fingerprints}: the request holds the account, so a plain hash of it
 * could be reversed by guessing).
 */
@Service
public class PayoutCreation {

	/** What a creation did. */
	public record Created(long payoutId, boolean isNew) {
	}

	/** The request is not valid: every bad field. */
	public static class InvalidRequestException extends RuntimeException {

		private final List<PayoutRequestParser.FieldError> errors;

		InvalidRequestException(List<PayoutRequestParser.FieldError> errors) {
			super(errors.size() + " invalid field(s): " + errors);
			this.errors = List.copyOf(errors);
		}

		public List<PayoutRequestParser.FieldError> errors() {
			return errors;
		}

	}

	/** The key was used before for a different request. */
	public static class KeyReusedException extends RuntimeException {

		KeyReusedException(String key, long payoutId) {
			super("Idempotency-Key " + key + " was used for a different request (payout " + payoutId + ")");
		}

	}

	private final PayoutRequestParser parser;

	private final Pricing pricing;

	private final ApprovalPolicy approvalPolicy;

	private final RoutingRules routingRules;

	private final ApiPayoutRepository payouts;

	private final Ledger ledger;

	private final AuditTrail audit;

	private final JsonMapper json;

	private final Fingerprints fingerprints;

	private final Clock clock;

	private final Duration holdLifetime;

	private final TransactionTemplate transactions;

	public PayoutCreation(JsonMapper json, MoneyConversion conversion, Pricing pricing, ApprovalPolicy approvalPolicy,
			RoutingRules routingRules, ApiPayoutRepository payouts, Ledger ledger, AuditTrail audit,
			Fingerprints fingerprints, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${payout.holds.lifetime:30d}") Duration holdLifetime,
			InputLimits limits, PlatformTransactionManager transactionManager) {
		this.parser = new PayoutRequestParser(json, conversion::canConvert, limits);
		this.transactions = new TransactionTemplate(transactionManager);
		this.pricing = pricing;
		this.approvalPolicy = approvalPolicy;
		this.routingRules = routingRules;
		this.payouts = payouts;
		this.ledger = ledger;
		this.audit = audit;
		this.json = json;
		this.fingerprints = fingerprints;
		this.clock = clock;
		this.holdLifetime = holdLifetime;
	}

	/**
	 * Checks the request before any transaction begins (a bad one never holds a
	 * connection), then creates the payout in one.
	 */
	public Created create(String key, JsonNode body, String actor) {
		if (key == null || key.isBlank() || key.length() > 255 || key.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("the Idempotency-Key header is required (1 to 255 characters, no NUL)");
		}
		Instant now = clock.instant();
		var parsed = parser.parse(body, now);
		if (!parsed.isValid()) {
			throw new InvalidRequestException(parsed.errors());
		}
		return transactions.execute(status -> create(key, parsed.request(), actor, now));
	}

	private Created create(String key, PayoutRequest request, String actor, Instant now) {
		var price = pricing.price(request.amount(), request.priority(), request.originModule(),
				routingRules.active(request.priority()));
		Fee fee = price.fee();
		Money net = request.amount().minus(fee.total());
		if (!net.isPositive()) {
			throw new InvalidRequestException(List.of(new PayoutRequestParser.FieldError("amount",
					"leaves " + net + " after fees of " + fee.total() + ": the net amount must be above zero")));
		}
		var approval = approvalPolicy.reasonForApproval(request.amount(), price.approvalThreshold(),
				price.thresholdSource());
		var inserted = payouts.insert(key, fingerprints.of(request.canonical()), request, fee, net, actor,
				approval.isPresent() ? PayoutStatus.AWAITING_APPROVAL : PayoutStatus.PENDING);
		if (inserted.isEmpty()) {
			var stored = payouts.findByKey(key).orElseThrow();
			if (!fingerprints.matches(stored.fingerprint(), request.canonical())) {
				throw new KeyReusedException(key, stored.id());
			}
			return new Created(stored.id(), false);
		}
		long id = inserted.get();
		long holdId = ledger.placeHold(id, request.originEntityId(), request.amount(), now.plus(holdLifetime), actor);
		audit.payoutEvents("payout_created", AuditCategory.FINANCIAL, "info", actor, null, List.of(id),
				List.of(json.writeValueAsString(json.createObjectNode()
					.put("idempotency_key", key)
					.put("amount", request.amount().toString())
					.put("fee", fee.total().toString())
					.put("hold_id", holdId)
					.put("approval", approval.orElse(null)))));
		return new Created(id, true);
	}

}
