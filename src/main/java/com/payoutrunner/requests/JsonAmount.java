package com.payoutrunner.requests;

import java.math.BigDecimal;
import java.util.Currency;

import tools.jackson.databind.JsonNode;

import com.payoutrunner.core.Money;

/**
 * An amount in a JSON body, read with {@link Money#parseStrict}: a string ("1000.00") or
 * a plain JSON number (1000.00) with no exponent. Anything else (an array, an object, a
 * boolean, 1e3) is refused with a reason that leaves the field's name to the caller.
 * Pure.
 */
public final class JsonAmount {

	static final String EXPECTED = "must be a decimal number such as \"1000.00\" (a string or a plain JSON number)";

	private JsonAmount() {
	}

	/**
	 * @throws IllegalArgumentException whose message is the reason, without the field
	 */
	public static Money parse(JsonNode node, Currency currency) {
		try {
			return Money.parseStrict(text(node), currency);
		}
		catch (Money.InvalidAmountException ex) {
			throw new IllegalArgumentException(ex.reason());
		}
	}

	/**
	 * A decimal that is not an amount of one currency (a percentage, a band edge), by the
	 * same rule; null when absent.
	 * @throws IllegalArgumentException whose message is the reason, without the field
	 */
	public static BigDecimal parseDecimal(JsonNode node, int maxDecimals) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		try {
			return Money.parseStrictDecimal(text(node), maxDecimals);
		}
		catch (Money.InvalidAmountException ex) {
			throw new IllegalArgumentException(ex.reason());
		}
	}

	/**
	 * The amount's text as sent: a string as is, a number in plain notation.
	 * @throws IllegalArgumentException when the node is neither, or a number with an
	 * exponent
	 */
	static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			throw new IllegalArgumentException("is required");
		}
		if (node.isString()) {
			return node.asString();
		}
		if (!node.isNumber()) {
			throw new IllegalArgumentException(EXPECTED);
		}
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		if (!node.isBigDecimal()) {
			// Floats are read as BigDecimal (spring.jackson.datatype.json-node): a double
			// here means a mapper configured otherwise, whose text is lossy.
			throw new IllegalArgumentException(EXPECTED);
		}
		BigDecimal value = node.decimalValue();
		// An exponent survives as a negative scale, or as "E" in the canonical text.
		if (value.scale() < 0 || value.toString().indexOf('E') >= 0) {
			throw new IllegalArgumentException("must not use an exponent: " + EXPECTED);
		}
		return value.toString();
	}

}
