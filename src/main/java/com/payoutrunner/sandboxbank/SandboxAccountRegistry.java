package com.payoutrunner.sandboxbank;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The sandbox bank's register of beneficiary accounts. An order addresses its beneficiary
 * by an external account id (an account or counterparty held here, as a bank API's
 * external accounts are) or by coordinates (IBAN, account number). A well-formed external
 * account id is known unless configured as unknown or refused; both answer 404
 * {@code account_not_found}, which is final. Pure.
 */
final class SandboxAccountRegistry {

	/** Letters, digits and {@code _ . : -}, 1 to 64 characters: provider ids look so. */
	private static final Pattern EXTERNAL_ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

	/** Why an order cannot reach its beneficiary, with the status a single call gets. */
	record Refusal(int httpStatus, String code, String message) {
	}

	private final Set<String> unknown;

	private final Set<String> refused;

	/**
	 * @param unknown external account ids the bank does not hold
	 * @param refused external account ids, IBANs or account numbers the bank refuses
	 */
	SandboxAccountRegistry(Set<String> unknown, Set<String> refused) {
		this.unknown = Set.copyOf(unknown);
		this.refused = Set.copyOf(refused);
	}

	Optional<Refusal> check(JsonNode beneficiary) {
		String external = text(beneficiary, "external_account_id");
		String iban = text(beneficiary, "iban");
		String account = text(beneficiary, "account_number");
		if (external == null && iban == null && account == null) {
			return Optional.of(new Refusal(400, "invalid_order",
					"the beneficiary needs an external_account_id, an iban or an account_number"));
		}
		if (external != null && !EXTERNAL_ACCOUNT_ID.matcher(external).matches()) {
			return Optional.of(new Refusal(400, "invalid_order",
					"beneficiary.external_account_id is not a well-formed external account id"));
		}
		if (holds(unknown, external)) {
			return notFound("no external account " + external + " is held at this bank");
		}
		if (holds(refused, external) || holds(refused, iban) || holds(refused, account)) {
			return notFound("the beneficiary account does not exist");
		}
		return Optional.empty();
	}

	/** Immutable sets refuse to be asked about null. */
	private static boolean holds(Set<String> accounts, String account) {
		return account != null && accounts.contains(account);
	}

	private static Optional<Refusal> notFound(String message) {
		return Optional.of(new Refusal(404, "account_not_found", message));
	}

	private static String text(JsonNode node, String field) {
		String value = node.path(field).asString(null);
		return value == null || value.isBlank() ? null : value;
	}

}
