package com.payoutrunner.reconciliation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import com.payoutrunner.config.InputLimits;
import com.payoutrunner.core.Money;
import com.payoutrunner.core.XmlElement;
import com.payoutrunner.core.XmlFileException;
import com.payoutrunner.core.XmlWalker;

/**
 * Reads an ISO 20022 bank-to-customer statement ({@code camt.053}, any version: the few
 * elements read here have kept their names from 001.02 to 001.13): one statement line per
 * entry ({@code Ntry}). Streamed with StAX, elements picked by local name, so that a
 * statement of any size or version reads the same and a bad entry is reported by line
 * while the others still reconcile; Prowide's generated classes would bind one version
 * and load the whole document. Read through {@link XmlWalker}: DTDs, external entities, a
 * nesting bomb and an element text over {@code payout.limits.max-cell-chars} are refused.
 *
 * <p>
 * Per entry: {@code Amt} and its {@code Ccy}, {@code CdtDbtInd}, {@code Sts} (plain text
 * before version 08, {@code Sts/Cd} since), {@code BookgDt/Dt} or {@code /DtTm},
 * {@code AcctSvcrRef} (the bank's reference), every {@code TxDtls/Refs/EndToEndId}
 * (several when the bank booked a batch as one entry), the payment order from
 * {@code Btch/MsgId}, {@code Btch/PmtInfId}, {@code Refs/MsgId} or {@code Refs/PmtInfId},
 * and a return: {@code RtrInf/Rsn/Cd} (or {@code Prtry}), or {@code RvslInd} true. What
 * the bank deducted, when it says so: {@code Chrgs/TtlChrgsAndTaxAmt}, else the sum of
 * {@code Chrgs/Rcrd/Amt} (since 001.03; {@code Chrgs/Amt} before), of the entry or else
 * of its {@code TxDtls}, with the first charge type {@code Chrgs/Rcrd/Tp/Cd} (or
 * {@code Prtry/Id}) as the reason code.
 *
 * <p>
 * Per statement ({@code Stmt}): the account, {@code Acct/Id/IBAN} or
 * {@code Acct/Id/Othr/Id}.
 */
final class Camt053StatementReader {

	static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:camt.053.";

	static final XmlWalker.DocumentType CAMT_053 = new XmlWalker.DocumentType("camt.053", "statement", "Document",
			NAMESPACE_PREFIX);

	private Camt053StatementReader() {
	}

	static boolean looksLikeOne(byte[] content) {
		return CAMT_053.looksLikeOne(content);
	}

	static Statement read(byte[] content, InputLimits limits) {
		Walk walk = new Walk(limits);
		try {
			XmlWalker.walk(content, CAMT_053,
					XmlWalker.Limits.DEFAULTS.withText(limits.maxCellChars(), "payout.limits.max-cell-chars"), walk);
		}
		catch (XmlFileException ex) {
			throw new StatementFileException(ex.line(), ex.reason());
		}
		return new Statement("camt.053", walk.lines, walk.rejected, walk.accounts);
	}

	/** The statement as its elements go by: its accounts, and an entry at a time. */
	private static final class Walk implements XmlWalker.Handler {

		final InputLimits limits;

		final List<StatementLine> lines = new ArrayList<>();

		final List<RejectedRow> rejected = new ArrayList<>();

		final List<Statement.NamedAccount> accounts = new ArrayList<>();

		int statementLine;

		String account;

		Entry entry;

		int entryDepth;

		Walk(InputLimits limits) {
			this.limits = limits;
		}

		@Override
		public void start(XmlElement element) {
			String name = element.name();
			if (entry == null && "Stmt".equals(name)) {
				statementLine = element.line();
				account = null;
			}
			if ("Ntry".equals(name)) {
				if (lines.size() + rejected.size() >= limits.maxStatementLines()) {
					throw new StatementFileException(element.line(),
							"more than " + limits.maxStatementLines() + " entries (payout.limits.max-statement-lines)");
				}
				entry = new Entry(element.line());
				entryDepth = element.depth();
			}
			else if (entry != null && "Amt".equals(name) && element.depth() == entryDepth + 1) {
				entry.currency = element.attribute("Ccy");
			}
			else if (entry != null && ("Amt".equals(name) || "TtlChrgsAndTaxAmt".equals(name))
					&& element.within("Chrgs")) {
				entry.chargeCurrencies.add(String.valueOf(element.attribute("Ccy")));
			}
		}

		@Override
		public void end(XmlElement element, String text) {
			if (entry == null && (element.endsWith("Stmt", "Acct", "Id", "IBAN")
					|| (account == null && element.endsWith("Stmt", "Acct", "Id", "Othr", "Id")))) {
				account = text;
			}
			if (entry == null && "Stmt".equals(element.name())) {
				accounts.add(new Statement.NamedAccount(statementLine, account == null ? "" : account));
			}
			if (entry != null && element.depth() > entryDepth) {
				// the path below the entry: "Amt", "NtryDtls/TxDtls/Refs/EndToEndId"
				entry.read(element.pathBelow(entryDepth), text);
			}
			if (entry != null && element.depth() == entryDepth) {
				try {
					lines.add(entry.line());
				}
				catch (EntryException ex) {
					rejected.add(new RejectedRow(entry.line, ex.element, ex.getMessage()));
				}
				entry = null;
			}
		}

	}

	/** What one Ntry said, checked when it ends. */
	private static final class Entry {

		final int line;

		String amount;

		String currency;

		String direction;

		String status;

		String bookingDate;

		String bankReference;

		final List<String> endToEndIds = new ArrayList<>();

		String paymentOrderId;

		String returnReason;

		boolean returned;

		/** Charges of the entry ({@code Chrgs}) and of its transactions, as written. */
		final Charges entryCharges = new Charges();

		final Charges transactionCharges = new Charges();

		final java.util.Set<String> chargeCurrencies = new java.util.TreeSet<>();

		Entry(int line) {
			this.line = line;
		}

		void read(String path, String value) {
			switch (path) {
				case "Amt" -> amount = value;
				case "CdtDbtInd" -> direction = value;
				case "Sts", "Sts/Cd" -> status = value.isEmpty() ? status : value;
				case "BookgDt/Dt" -> bookingDate = value;
				case "BookgDt/DtTm" -> bookingDate = bookingDate == null ? value : bookingDate;
				case "AcctSvcrRef" -> bankReference = value;
				case "RvslInd" -> returned |= "true".equalsIgnoreCase(value);
				case "NtryDtls/TxDtls/Refs/EndToEndId" -> {
					// NOTPROVIDED is how ISO 20022 says "no end-to-end id".
					if (!value.isEmpty() && !"NOTPROVIDED".equals(value) && !endToEndIds.contains(value)) {
						endToEndIds.add(value);
					}
				}
				case "NtryDtls/Btch/MsgId", "NtryDtls/Btch/PmtInfId", "NtryDtls/TxDtls/Refs/MsgId",
						"NtryDtls/TxDtls/Refs/PmtInfId" ->
					paymentOrderId = paymentOrderId == null && !value.isEmpty() ? value : paymentOrderId;
				case "NtryDtls/TxDtls/RtrInf/Rsn/Cd", "NtryDtls/TxDtls/RtrInf/Rsn/Prtry" -> {
					returned = true;
					returnReason = returnReason == null ? value : returnReason;
				}
				default -> {
					if (path.startsWith("NtryDtls/TxDtls/RtrInf")) {
						returned = true;
					}
					else if (path.startsWith("Chrgs/")) {
						entryCharges.read(path.substring("Chrgs/".length()), value);
					}
					else if (path.startsWith("NtryDtls/TxDtls/Chrgs/")) {
						transactionCharges.read(path.substring("NtryDtls/TxDtls/Chrgs/".length()), value);
					}
				}
			}
		}

		StatementLine line() {
			if (currency == null || currency.isEmpty()) {
				throw new EntryException("Amt", "has no Ccy attribute");
			}
			Currency code;
			try {
				code = Currency.getInstance(currency);
			}
			catch (IllegalArgumentException ex) {
				throw new EntryException("Amt", "'" + currency + "' is not an ISO 4217 currency code");
			}
			Money money;
			try {
				money = Money.parseFromBank(amount, code);
			}
			catch (IllegalArgumentException ex) {
				throw new EntryException("Amt", ex.getMessage());
			}
			if (!money.isPositive()) {
				throw new EntryException("Amt", "must be positive (CdtDbtInd says which way)");
			}
			StatementLine.Direction way = switch (direction == null ? "" : direction) {
				case "DBIT" -> StatementLine.Direction.DEBIT;
				case "CRDT" -> StatementLine.Direction.CREDIT;
				default -> throw new EntryException("CdtDbtInd", "must be DBIT or CRDT, got '" + direction + "'");
			};
			StatementLine.EntryStatus entryStatus;
			if (returned) {
				entryStatus = StatementLine.EntryStatus.RETURNED;
			}
			else {
				entryStatus = switch (status == null ? "" : status) {
					case "BOOK" -> StatementLine.EntryStatus.BOOKED;
					case "PDNG", "INFO", "FUTR" -> StatementLine.EntryStatus.PENDING;
					default -> throw new EntryException("Sts", "must be BOOK, PDNG or INFO, got '" + status + "'");
				};
			}
			if (endToEndIds.isEmpty() && paymentOrderId == null) {
				throw new EntryException("NtryDtls",
						"names no EndToEndId and no payment order (Btch/MsgId, Refs/MsgId, PmtInfId)");
			}
			Charges charges = entryCharges.given() ? entryCharges : transactionCharges;
			Money charged = null;
			if (charges.given()) {
				if (!chargeCurrencies.equals(java.util.Set.of(code.getCurrencyCode()))) {
					throw new EntryException("Chrgs",
							"charges in " + chargeCurrencies + ", the entry in " + code.getCurrencyCode());
				}
				charged = charges.total(code);
			}
			return new StatementLine(line, bookingDate(), money, way, entryStatus, bankReference, endToEndIds,
					paymentOrderId, entryStatus == StatementLine.EntryStatus.RETURNED
							? (returnReason == null ? "RTRN" : returnReason) : null,
					charged, charged == null ? null : charges.type);
		}

		private LocalDate bookingDate() {
			if (bookingDate == null || bookingDate.isEmpty()) {
				throw new EntryException("BookgDt", "is missing");
			}
			try {
				// DtTm carries the booking's local date first, with or without an offset.
				return LocalDate.parse(bookingDate.substring(0, Math.min(10, bookingDate.length())));
			}
			catch (DateTimeParseException ex) {
				throw new EntryException("BookgDt", "'" + bookingDate + "' is not an ISO date");
			}
		}

	}

	/** The {@code Chrgs} of an entry or of its transactions. */
	private static final class Charges {

		String total;

		final List<String> records = new ArrayList<>();

		String type;

		void read(String path, String value) {
			switch (path) {
				case "TtlChrgsAndTaxAmt" -> total = value;
				case "Rcrd/Amt", "Amt" -> records.add(value);
				case "Rcrd/Tp/Cd", "Rcrd/Tp/Prtry/Id", "Tp/Cd", "Tp/Prtry/Id" ->
					type = type == null && !value.isEmpty() ? value : type;
				default -> {
				}
			}
		}

		boolean given() {
			return total != null || !records.isEmpty();
		}

		Money total(Currency currency) {
			try {
				Money sum = Money.ofMinor(0, currency.getCurrencyCode());
				for (String amount : total != null ? List.of(total) : records) {
					sum = sum.plus(Money.parseFromBank(amount, currency));
				}
				if (sum.minorUnits() < 0) {
					throw new EntryException("Chrgs", "charges must not be negative, got " + sum);
				}
				return sum;
			}
			catch (IllegalArgumentException ex) {
				throw new EntryException("Chrgs", ex.getMessage());
			}
		}

	}

	private static final class EntryException extends RuntimeException {

		final String element;

		EntryException(String element, String message) {
			super(message);
			this.element = element;
		}

	}

}
