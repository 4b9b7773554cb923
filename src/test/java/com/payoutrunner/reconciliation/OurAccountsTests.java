package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Only statements of our accounts are applied; our accounts are checked at start-up. */
class OurAccountsTests {

	final OurAccounts ours = new OurAccounts(List.of("DE89 3704 0044 0532 0130 00", "123456789"),
			"payout.reconciliation.accounts");

	@Test
	void aCamt053OfOurIbanPassesAndOneOfAnotherIsRefusedWhole() {
		assertThatCode(() -> ours.check(camt("<IBAN>de89370400440532013000</IBAN>"))).doesNotThrowAnyException();
		assertThatCode(() -> ours.check(camt("<Othr><Id>123456789</Id></Othr>"))).doesNotThrowAnyException();

		assertThatThrownBy(() -> ours.check(camt("<IBAN>FR7630006000011234567890189</IBAN>")))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessage("line 2: account FR76*******************0189 is not one of ours "
					+ "(payout.reconciliation.accounts: DE89**************3000, *****6789); "
					+ "a statement of another account changes nothing here");
		assertThatThrownBy(() -> ours.check(StatementFiles.read("""
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
				<Stmt></Stmt></BkToCstmrStmt></Document>""".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageContaining("Stmt without Acct/Id/IBAN");
	}

	@Test
	void aCsvMustNameOurAccountOnEveryRow() {
		String header = "account,booking_date,amount,currency,direction,end_to_end_ids\n";
		String row = ",2026-11-23,1.00,EUR,debit,PO-0000000A\n";
		assertThatCode(() -> ours.check(csv(header + "DE89370400440532013000" + row))).doesNotThrowAnyException();

		assertThatThrownBy(() -> ours.check(csv(
				"booking_date,amount,currency,direction,end_to_end_ids\n" + "2026-11-23,1.00,EUR,debit,PO-0000000A\n")))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageContaining("names no account")
			.hasMessageContaining("add an 'account' column");
		assertThatThrownBy(
				() -> ours.check(csv(header + "DE89370400440532013000" + row + "GB82WEST12345698765432" + row)))
			.isInstanceOf(ForeignStatementException.class)
			.hasMessageStartingWith("line 3: account GB82**************5432 is not one of ours");
		assertThatThrownBy(() -> ours.check(csv(header + row))).isInstanceOf(ForeignStatementException.class)
			.hasMessageStartingWith("line 2: names no account (empty 'account' cell)");
	}

	@Test
	void wrongOrMissingAccountsStopStartUpNamingThem() {
		assertThatThrownBy(() -> new OurAccounts(List.of("DE89370400440532013001", "12-34", "123456789"), "accts"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("accts[0] 'DE89370400440532013001': not a valid IBAN")
			.hasMessageContaining("accts[1] '12-34': neither an IBAN nor an account number of 4 to 17 digits");
		assertThatThrownBy(() -> new OurAccounts(List.of(), "accts")).hasMessageContaining("accts is empty");
		assertThat(new OurAccounts(List.of("de89 3704 0044 0532 0130 00"), "a").accounts())
			.containsExactly("DE89370400440532013000");
	}

	private static Statement camt(String accountId) {
		return StatementFiles.read("""
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
				<Stmt><Acct><Id>%s</Id></Acct></Stmt></BkToCstmrStmt></Document>""".formatted(accountId)
			.getBytes(StandardCharsets.UTF_8));
	}

	private static Statement csv(String text) {
		return StatementFiles.read(text.getBytes(StandardCharsets.UTF_8));
	}

}
