package com.payoutrunner.connector.file.inbox;

import java.util.Map;

/** The common NACHA return reason codes, for people reading a payout's last error. */
final class ReturnReasons {

	private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(Map.entry("R01", "insufficient funds"),
			Map.entry("R02", "account closed"), Map.entry("R03", "no account / unable to locate account"),
			Map.entry("R04", "invalid account number"), Map.entry("R06", "returned per ODFI's request"),
			Map.entry("R07", "authorization revoked by customer"), Map.entry("R08", "payment stopped"),
			Map.entry("R10", "customer advises not authorized"), Map.entry("R13", "invalid ACH routing number"),
			Map.entry("R14", "representative payee deceased"),
			Map.entry("R15", "beneficiary or account holder deceased"), Map.entry("R16", "account frozen"),
			Map.entry("R17", "file record edit criteria"), Map.entry("R20", "non-transaction account"),
			Map.entry("R23", "credit entry refused by receiver"),
			Map.entry("R29", "corporate customer advises not authorized"));

	private ReturnReasons() {
	}

	static String describe(String code) {
		return DESCRIPTIONS.getOrDefault(code, "returned");
	}

}
