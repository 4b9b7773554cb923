package com.payoutrunner.connector.file.inbox;

/**
 * What a bank said about one payment it received in a file.
 *
 * @param reference the payout reference the bank quotes (end-to-end id, or the NACHA
 * entry's identification)
 * @param code the bank's reason code (ISO 20022 status reason such as AC01, or a NACHA
 * return code such as R03); null for an acceptance
 * @param line where in the file the bank said it
 */
public record BankVerdict(String reference, Kind kind, String code, String reason, int line) {

	public enum Kind {

		/** The bank took the payment. */
		ACCEPTED,

		/** The bank refused it: no money moved. */
		REJECTED,

		/** The payment was made and came back (ACH return). */
		RETURNED

	}

}
