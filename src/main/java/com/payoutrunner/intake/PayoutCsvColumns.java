package com.payoutrunner.intake;

import java.util.List;

/** The import file's columns (header row, any order). */
final class PayoutCsvColumns {

	public static final List<String> REQUIRED = List.of("investor_id", "investor_name", "country", "payment_method",
			"external_account_id", "amount", "currency");

	public static final List<String> OPTIONAL = List.of("has_us_bank_account", "priority", "iban", "bic",
			"account_number", "routing_number", "sort_code", "scheduled_date");

	private PayoutCsvColumns() {
	}

}
