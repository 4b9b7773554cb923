package com.payoutrunner.requests;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.commons.validator.routines.checkdigit.ABANumberCheckDigit;
import org.iban4j.BicUtil;
import org.iban4j.IbanUtil;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.CountryCodes;
import com.payoutrunner.core.FieldText;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.ExternalAccountId;
import com.payoutrunner.payout.Priority;

/**
 * Checks a payout request field by field and names every bad one at once: missing fields,
 * an amount that is not positive or has too many decimals, an unknown currency, one that
 * cannot be paid, an unknown priority, a bad IBAN, BIC or ABA routing number, a scheduled
 * time in the past. Pure.
 */
public final class PayoutRequestParser {

	/** One bad field, named by its JSON path. */
	public record FieldError(String field, String message) {
	}

	/** The request, or why not. */
	public record Parsed(PayoutRequest request, List<FieldError> errors) {

		public boolean isValid() {
			return errors.isEmpty();
		}

	}

	private static final Currency MOST_DECIMALS = Currency.getInstance("BHD");

	private static final ABANumberCheckDigit ABA = new ABANumberCheckDigit();

	private final JsonMapper json;

	private final Predicate<Currency> payable;

	private final InputLimits limits;

	/**
	 * @param payable whether a currency can be paid (it has an FX rate that converts it
	 * to a rail's currency): a payout in any other would be held and never paid
	 */
	public PayoutRequestParser(JsonMapper json, Predicate<Currency> payable) {
		this(json, payable, InputLimits.DEFAULTS);
	}

	/**
	 * @param limits the longest text field ({@code max-text-chars}) and the largest
	 * metadata ({@code max-metadata-bytes})
	 */
	public PayoutRequestParser(JsonMapper json, Predicate<Currency> payable, InputLimits limits) {
		this.json = json;
		this.payable = payable;
		this.limits = limits;
	}

	public Parsed parse(JsonNode body, Instant now) {
		List<FieldError> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			return new Parsed(null, List.of(new FieldError("", "the body must be a JSON object")));
		}
		String module = text(body, "origin_module", errors, true);
		if (module != null && !module.matches("[a-z][a-z0-9_-]{0,31}")) {
			errors.add(new FieldError("origin_module", "must be a lower-case module name such as connect or wallet"));
		}
		UUID entity = uuid(body, errors);
		Currency currency = currency(body, errors);
		Money amount = amount(body, currency, errors);
		Priority priority = priority(body, errors);
		PayoutRequest.Beneficiary beneficiary = beneficiary(body.get("beneficiary"), errors);
		Instant scheduled = scheduled(body, now, errors);
		JsonNode metadata = body.get("metadata");
		String metadataJson = metadata(metadata, errors);
		if (!errors.isEmpty()) {
			return new Parsed(null, errors);
		}
		String canonical = canonical(module, entity, amount, priority, beneficiary, scheduled, metadata);
		return new Parsed(
				new PayoutRequest(module, entity, amount, priority, beneficiary, scheduled, metadataJson, canonical),
				List.of());
	}

	private String canonical(String module, UUID entity, Money amount, Priority priority,
			PayoutRequest.Beneficiary beneficiary, Instant scheduled, JsonNode metadata) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("origin_module", module);
		fields.put("origin_entity_id", entity.toString());
		fields.put("currency", amount.code());
		fields.put("amount", amount.toDecimal().toPlainString());
		fields.put("priority", priority.code());
		fields.put("beneficiary",
				List.of(nullToEmpty(beneficiary.accountName()), nullToEmpty(beneficiary.accountNumber()),
						nullToEmpty(beneficiary.iban()), nullToEmpty(beneficiary.bic()),
						nullToEmpty(beneficiary.bankCode()), beneficiary.country()));
		if (beneficiary.externalAccountId() != null) {
			// Only when given, so that requests from before it keep their fingerprint.
			fields.put("beneficiary_external_account_id", beneficiary.externalAccountId());
		}
		fields.put("scheduled_run", scheduled == null ? "" : scheduled.toString());
		// Key order of the metadata as sent does not matter.
		fields.put("metadata", metadata == null || metadata.isNull() ? "" : sorted(metadata).toString());
		return json.writeValueAsString(fields);
	}

	private JsonNode sorted(JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = json.createObjectNode();
			object.propertyNames().stream().sorted().forEach(name -> copy.set(name, sorted(object.get(name))));
			return copy;
		}
		return node;
	}

	/**
	 * The metadata as JSON, within its size, with no NUL anywhere (PostgreSQL's jsonb
	 * refuses it); null when not given.
	 */
	private String metadata(JsonNode metadata, List<FieldError> errors) {
		if (metadata == null || metadata.isNull()) {
			return null;
		}
		if (!metadata.isObject()) {
			errors.add(new FieldError("metadata", "must be a JSON object"));
			return null;
		}
		String text = json.writeValueAsString(metadata);
		long max = limits.maxMetadataBytes().toBytes();
		if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > max) {
			errors.add(new FieldError("metadata", "is larger than " + max + " bytes as JSON"));
			return null;
		}
		if (text.contains("\\u0000")) {
			errors.add(new FieldError("metadata", "contains a NUL character"));
			return null;
		}
		return text;
	}

	private String text(JsonNode parent, String field, List<FieldError> errors, boolean required) {
		return text(parent, field, field, errors, required);
	}

	private String text(JsonNode parent, String field, String path, List<FieldError> errors, boolean required) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
			if (required) {
				errors.add(new FieldError(path, "is required"));
			}
			return null;
		}
		if (!node.isString()) {
			errors.add(new FieldError(path, "must be a string"));
			return null;
		}
		var problem = FieldText.problem(node.asString(), limits.maxTextChars());
		if (problem.isPresent()) {
			errors.add(new FieldError(path, problem.get()));
			return null;
		}
		return node.asString().strip();
	}

	private UUID uuid(JsonNode body, List<FieldError> errors) {
		String text = text(body, "origin_entity_id", errors, true);
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("origin_entity_id", "must be a UUID"));
			return null;
		}
	}

	private Currency currency(JsonNode body, List<FieldError> errors) {
		String text = text(body, "currency", errors, true);
		if (text == null) {
			return null;
		}
		try {
			if (!text.matches("[A-Z]{3}")) {
				throw new IllegalArgumentException();
			}
			Currency currency = Currency.getInstance(text);
			if (!payable.test(currency)) {
				errors.add(new FieldError("currency", cannotBePaid(currency)));
				return null;
			}
			return currency;
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("currency", "'" + text + "' is not an ISO 4217 currency code"));
			return null;
		}
	}

	/** Why a payout in {@code currency} is refused: no rail and FX rate can pay it. */
	public static String cannotBePaid(Currency currency) {
		return currency.getCurrencyCode()
				+ " cannot be paid: it has no FX rate (config/fx/fx-rates.csv) to convert it to a rail's currency";
	}

	private static Money amount(JsonNode body, Currency currency, List<FieldError> errors) {
		Money amount;
		try {
			// Without a currency, checked with the most decimals any has, so that every
			// bad field is named at once.
			amount = JsonAmount.parse(body.get("amount"), currency == null ? MOST_DECIMALS : currency);
		}
		catch (IllegalArgumentException ex) {
			if (currency != null || !ex.getMessage().contains("decimals")) {
				errors.add(new FieldError("amount", ex.getMessage()));
			}
			return null;
		}
		if (!amount.isPositive()) {
			errors.add(new FieldError("amount", "must be above zero"));
			return null;
		}
		return currency == null ? null : amount;
	}

	private Priority priority(JsonNode body, List<FieldError> errors) {
		String text = text(body, "priority", errors, false);
		if (text == null) {
			return Priority.NORMAL;
		}
		try {
			return Priority.fromCode(text);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("priority", "'" + text + "' is not instant, priority, normal or low"));
			return null;
		}
	}

	private PayoutRequest.Beneficiary beneficiary(JsonNode node, List<FieldError> errors) {
		if (node == null || node.isNull()) {
			errors.add(new FieldError("beneficiary", "is required"));
			return null;
		}
		if (!node.isObject()) {
			errors.add(new FieldError("beneficiary", "must be an object"));
			return null;
		}
		String name = text(node, "account_name", "beneficiary.account_name", errors, true);
		String number = text(node, "account_number", "beneficiary.account_number", errors, false);
		String iban = text(node, "iban", "beneficiary.iban", errors, false);
		String bic = text(node, "bic", "beneficiary.bic", errors, false);
		String bankCode = text(node, "bank_code", "beneficiary.bank_code", errors, false);
		String country = text(node, "country", "beneficiary.country", errors, true);
		String external = text(node, "external_account_id", "beneficiary.external_account_id", errors, false);
		if (external == null && number == null && iban == null) {
			errors.add(new FieldError("beneficiary.external_account_id",
					"an external_account_id, an account_number or an iban is required"));
		}
		if (external != null && !ExternalAccountId.isWellFormed(external)) {
			errors.add(new FieldError("beneficiary.external_account_id", "must be " + ExternalAccountId.RULE));
		}
		if (iban != null) {
			iban = iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
			if (!IbanUtil.isValid(iban)) {
				errors.add(new FieldError("beneficiary.iban", "fails its check digits or its country's length"));
			}
		}
		if (bic != null) {
			try {
				BicUtil.validate(bic);
			}
			catch (RuntimeException ex) {
				errors.add(new FieldError("beneficiary.bic", "'" + bic + "' is not a valid BIC"));
			}
		}
		if (country != null) {
			country = country.toUpperCase(java.util.Locale.ROOT);
			if (!CountryCodes.isAlpha2(country)) {
				errors.add(new FieldError("beneficiary.country", "'" + country + "' is not an ISO 3166 country code"));
			}
		}
		if (bankCode != null && "US".equals(country) && (!bankCode.matches("\\d{9}") || !ABA.isValid(bankCode))) {
			errors.add(new FieldError("beneficiary.bank_code", "routing number fails the ABA check digit"));
		}
		return new PayoutRequest.Beneficiary(name, number, iban, bic, bankCode, country, external);
	}

	private Instant scheduled(JsonNode body, Instant now, List<FieldError> errors) {
		String text = text(body, "scheduled_run", errors, false);
		if (text == null) {
			return null;
		}
		try {
			Instant at = java.time.OffsetDateTime.parse(text).toInstant();
			if (at.isBefore(now)) {
				errors.add(new FieldError("scheduled_run", "is in the past"));
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			errors
				.add(new FieldError("scheduled_run", "must be an ISO timestamp with an offset (2026-12-01T09:00:00Z)"));
			return null;
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
