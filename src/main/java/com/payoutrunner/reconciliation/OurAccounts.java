package com.payoutrunner.reconciliation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

import com.payoutrunner.core.AccountMask;

/**
 * The accounts whose statements may change the ledger; pure. A statement is applied only
 * when every account it names is one of these: a camt.053 whose {@code Stmt/Acct} is
 * another IBAN, a CSV without an {@code account} column, or one with a row of another (or
 * no) account, is refused whole. Accounts are compared without spaces, ignoring case.
 */
final class OurAccounts {

	private final Set<String> accounts;

	/**
	 * @param configured IBANs (check digits verified) or account numbers of 4 to 17
	 * digits (a US account, as ACH knows it)
	 * @throws IllegalArgumentException naming each account that is neither, or when there
	 * is none
	 */
	OurAccounts(List<String> configured, String setting) {
		List<String> problems = new ArrayList<>();
		Set<String> normalized = new LinkedHashSet<>();
		for (int i = 0; i < configured.size(); i++) {
			String account = normalize(configured.get(i));
			String problem = problem(account);
			if (problem != null) {
				problems.add(setting + "[" + i + "] '" + configured.get(i) + "': " + problem);
			}
			normalized.add(account);
		}
		if (normalized.isEmpty()) {
			problems.add(setting + " is empty: no statement could ever be applied");
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", problems));
		}
		this.accounts = java.util.Collections.unmodifiableSet(normalized);
	}

	/**
	 * @throws ForeignStatementException when the statement names no account, or one that
	 * is not ours
	 */
	void check(Statement statement) {
		if (statement.accounts().isEmpty()) {
			throw new ForeignStatementException(1,
					"the statement names no account, so it cannot be shown to be " + "the bank's statement of ours: "
							+ ("csv".equals(statement.format())
									? "add an 'account' column with our account on every row (jobs/README.md)"
									: "it has no Stmt/Acct/Id/IBAN"));
		}
		for (Statement.NamedAccount named : statement.accounts()) {
			String account = normalize(named.account());
			if (account.isEmpty()) {
				throw new ForeignStatementException(named.line(), "names no account ("
						+ ("csv".equals(statement.format()) ? "empty 'account' cell" : "Stmt without Acct/Id/IBAN")
						+ "): every part of a statement must be of one of our accounts");
			}
			if (!accounts.contains(account)) {
				throw new ForeignStatementException(named.line(),
						"account " + AccountMask.mask(account) + " is not one of ours (payout.reconciliation.accounts: "
								+ String.join(", ", accounts.stream().map(AccountMask::mask).toList())
								+ "); a statement of another account changes nothing here");
			}
		}
	}

	Set<String> accounts() {
		return accounts;
	}

	static String normalize(String account) {
		return account == null ? "" : account.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	private static String problem(String account) {
		if (account.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
			try {
				IbanUtil.validate(account);
				return null;
			}
			catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException ex) {
				return "not a valid IBAN: " + ex.getMessage();
			}
		}
		return account.matches("\\d{4,17}") ? null : "neither an IBAN nor an account number of 4 to 17 digits";
	}

}
