package com.payoutrunner.connector.file.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.payoutrunner.core.XmlElement;
import com.payoutrunner.core.XmlFileException;
import com.payoutrunner.core.XmlWalker;

/**
 * Reads an ISO 20022 customer payment status report ({@code pain.002}, any version: the
 * elements read here are the same from 001.03 to 001.14): one verdict per transaction
 * status ({@code TxInfAndSts}), naming the payout by its original end-to-end id. Accepted
 * statuses (ACCP, ACSC, ACSP, ACTC, ACWC, ACCC) accept, RJCT rejects with its reason
 * code; pending statuses (PDNG, RCVD, ...) say nothing yet and are left out. Streamed
 * through {@link XmlWalker} (line numbers for errors; DTDs, external entities and a
 * nesting bomb refused).
 */
final class Pain002StatusReport {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:pain.002.";

	private static final XmlWalker.DocumentType PAIN_002 = new XmlWalker.DocumentType("pain.002", "status report",
			"Document", NAMESPACE_PREFIX);

	private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "ACCC");

	private Pain002StatusReport() {
	}

	public static boolean looksLikeOne(byte[] content) {
		return PAIN_002.looksLikeOne(content);
	}

	/**
	 * @throws InboxFileException when the file is not well-formed XML, not a pain.002, or
	 * a transaction status lacks its end-to-end id or status
	 */
	public static List<BankVerdict> parse(byte[] content) {
		Walk walk = new Walk();
		try {
			XmlWalker.walk(content, PAIN_002, XmlWalker.Limits.DEFAULTS, walk);
		}
		catch (XmlFileException ex) {
			throw new InboxFileException(ex.line(), ex.reason());
		}
		if (walk.transactions == 0) {
			throw new InboxFileException(0, "the status report names no transaction (no TxInfAndSts):"
					+ " a group-level status cannot be matched to payouts");
		}
		return walk.verdicts;
	}

	/** The report as its elements go by, a transaction status at a time. */
	private static final class Walk implements XmlWalker.Handler {

		final List<BankVerdict> verdicts = new ArrayList<>();

		int transactions;

		Transaction current;

		@Override
		public void start(XmlElement element) {
			if ("TxInfAndSts".equals(element.name())) {
				transactions++;
				current = new Transaction(element.line());
			}
		}

		@Override
		public void end(XmlElement element, String text) {
			if ("TxInfAndSts".equals(element.name())) {
				BankVerdict verdict = current.verdict(transactions);
				if (verdict != null) {
					verdicts.add(verdict);
				}
				current = null;
			}
			else if (current != null && current.wants(element.name(), element.parent())) {
				current.read(element.name(), text);
			}
		}

	}

	/** The parts of one TxInfAndSts that matter here; the first reason code wins. */
	private static final class Transaction {

		final int line;

		String endToEndId;

		String status;

		String reasonCode;

		String details;

		Transaction(int line) {
			this.line = line;
		}

		/**
		 * The leaf elements read: the reason code only under StsRsnInf/Rsn (a Cd under
		 * OrgnlTxRef is a service level or instrument, not a reason).
		 */
		boolean wants(String element, String parent) {
			return switch (element) {
				case "OrgnlEndToEndId", "TxSts" -> true;
				case "Cd", "Prtry" -> "Rsn".equals(parent);
				case "AddtlInf" -> "StsRsnInf".equals(parent);
				default -> false;
			};
		}

		void read(String element, String text) {
			switch (element) {
				case "OrgnlEndToEndId" -> endToEndId = text;
				case "TxSts" -> status = text;
				case "Cd", "Prtry" -> reasonCode = reasonCode == null ? text : reasonCode;
				case "AddtlInf" -> details = details == null ? text : details + " " + text;
				default -> {
				}
			}
		}

		BankVerdict verdict(int number) {
			if (endToEndId == null || endToEndId.isEmpty()) {
				throw new InboxFileException(line, "transaction status " + number + " has no OrgnlEndToEndId");
			}
			if (status == null || status.isEmpty()) {
				throw new InboxFileException(line, "transaction status of " + endToEndId + " has no TxSts");
			}
			if (ACCEPTED.contains(status)) {
				return new BankVerdict(endToEndId, BankVerdict.Kind.ACCEPTED, null, status, line);
			}
			if ("RJCT".equals(status)) {
				return new BankVerdict(endToEndId, BankVerdict.Kind.REJECTED, reasonCode == null ? "RJCT" : reasonCode,
						details == null ? "rejected by the bank" : details, line);
			}
			return null;
		}

	}

}
