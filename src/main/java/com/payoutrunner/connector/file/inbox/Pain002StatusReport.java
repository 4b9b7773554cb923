package com.payoutrunner.connector.file.inbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ISO 20022 customer payment status report ({@code pain.002}, any version: the
 * elements read here are the same from 001.03 to 001.14): one verdict per transaction
 * status ({@code TxInfAndSts}), naming the payout by its original end-to-end id. Accepted
 * statuses (ACCP, ACSC, ACSP, ACTC, ACWC, ACCC) accept, RJCT rejects with its reason
 * code; pending statuses (PDNG, RCVD, ...) say nothing yet and are left out. Streamed
 * with StAX (line numbers for errors); DTDs and external entities are refused.
 */
public final class Pain002StatusReport {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:pain.002.";

	private static final Set<String> ACCEPTED = Set.of("ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "ACCC");

	private Pain002StatusReport() {
	}

	public static boolean looksLikeOne(byte[] content) {
		String start = new String(content, 0, Math.min(content.length, 2000), StandardCharsets.UTF_8);
		return start.contains(NAMESPACE_PREFIX);
	}

	/**
	 * @throws InboxFileException when the file is not well-formed XML, not a pain.002, or
	 * a transaction status lacks its end-to-end id or status
	 */
	public static List<BankVerdict> parse(byte[] content) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader xml = null;
		try {
			xml = factory.createXMLStreamReader(new ByteArrayInputStream(content));
			return read(xml);
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNumber();
			throw new InboxFileException(line, "not well-formed XML: " + ex.getMessage().replaceAll("\\s+", " "));
		}
		finally {
			close(xml);
		}
	}

	private static List<BankVerdict> read(XMLStreamReader xml) throws XMLStreamException {
		List<BankVerdict> verdicts = new ArrayList<>();
		boolean root = true;
		int transactions = 0;
		Transaction current = null;
		java.util.Deque<String> path = new java.util.ArrayDeque<>();
		while (xml.hasNext()) {
			int event = xml.next();
			if (event == XMLStreamConstants.DTD) {
				throw new InboxFileException(xml.getLocation().getLineNumber(),
						"a document type declaration is not allowed in a status report");
			}
			if (event == XMLStreamConstants.START_ELEMENT) {
				String name = xml.getLocalName();
				if (root) {
					String namespace = xml.getNamespaceURI();
					if (!"Document".equals(name) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
						throw new InboxFileException(xml.getLocation().getLineNumber(),
								"not a pain.002 status report (root element " + name + " in namespace " + namespace
										+ ")");
					}
					root = false;
				}
				else if ("TxInfAndSts".equals(name)) {
					transactions++;
					current = new Transaction(xml.getLocation().getLineNumber());
				}
				else if (current != null && current.wants(name, path.peek())) {
					// Reads through the end tag: this element is not pushed.
					current.read(name, xml.getElementText().strip());
					continue;
				}
				path.push(name);
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				path.poll();
				if ("TxInfAndSts".equals(xml.getLocalName())) {
					BankVerdict verdict = current.verdict(transactions);
					if (verdict != null) {
						verdicts.add(verdict);
					}
					current = null;
				}
			}
		}
		if (transactions == 0) {
			throw new InboxFileException(0, "the status report names no transaction (no TxInfAndSts):"
					+ " a group-level status cannot be matched to payouts");
		}
		return verdicts;
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

	private static void close(XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to release
			}
		}
	}

}
