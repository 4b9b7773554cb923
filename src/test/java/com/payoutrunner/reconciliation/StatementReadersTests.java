package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.payoutrunner.core.Money;
import com.payoutrunner.reconciliation.StatementLine.Direction;
import com.payoutrunner.reconciliation.StatementLine.EntryStatus;

class StatementReadersTests {

	static final Path RESOURCES = Path.of("src/test/resources/reconciliation");

	@Test
	void csvStatementReadsEveryGoodRowAndReportsTheBadOneByLineAndColumn() throws IOException {
		Statement statement = StatementFiles.read(Files.readAllBytes(RESOURCES.resolve("statement-with-bad-row.csv")));

		assertThat(statement.format()).isEqualTo("csv");
		assertThat(statement.lines()).extracting(StatementLine::line).containsExactly(2, 3, 5, 6);
		assertThat(statement.lines().get(0))
			.isEqualTo(new StatementLine(2, LocalDate.of(2026, 11, 23), Money.ofMinor(99700, "EUR"), Direction.DEBIT,
					EntryStatus.BOOKED, "BANKREF-001", List.of("PO-20261121-0000002A"), null, null));
		assertThat(statement.lines().get(1).endToEndIds()).containsExactly("PO-20261121-0000002B",
				"PO-20261121-0000002C");
		assertThat(statement.lines().get(1).amount()).isEqualTo(Money.ofMinor(1500, "JPY"));
		StatementLine returned = statement.lines().get(2);
		assertThat(returned.status()).isEqualTo(EntryStatus.RETURNED);
		assertThat(returned.direction()).isEqualTo(Direction.CREDIT);
		assertThat(returned.paymentOrderId()).isEqualTo("ord_7f3a");
		assertThat(returned.returnReason()).isEqualTo("R03");
		assertThat(statement.lines().get(3).status()).isEqualTo(EntryStatus.PENDING);
		assertThat(statement.rejected())
			.containsExactly(new RejectedRow(4, "amount", "amount '12.345' has more decimals than EUR allows (2)"));
	}

	@Test
	void csvRowsWithMissingOrUnknownValuesAreRejectedOneByOne() {
		Statement statement = csv("""
				booking_date,amount,currency,direction,status,end_to_end_ids,payment_order_id,return_reason
				2026-11-23,1.00,EUR,debit,booked,,,
				23/11/2026,1.00,EUR,debit,booked,PO-0000000A,,
				2026-11-23,1.00,XXY,debit,booked,PO-0000000A,,
				2026-11-23,1.00,EUR,sideways,booked,PO-0000000A,,
				2026-11-23,1.00,EUR,credit,returned,PO-0000000A,,
				2026-11-23,1.00,EUR,debit,booked,PO-0000000A
				2026-11-23,1.00,EUR,debit,,PO-0000000A,,
				""");

		assertThat(statement.rejected()).extracting(RejectedRow::line, RejectedRow::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "end_to_end_ids"),
					org.assertj.core.groups.Tuple.tuple(3, "booking_date"),
					org.assertj.core.groups.Tuple.tuple(4, "currency"),
					org.assertj.core.groups.Tuple.tuple(5, "direction"),
					org.assertj.core.groups.Tuple.tuple(6, "return_reason"),
					org.assertj.core.groups.Tuple.tuple(7, null));
		assertThat(statement.lines()).singleElement().satisfies(line -> {
			assertThat(line.line()).isEqualTo(8);
			assertThat(line.status()).isEqualTo(EntryStatus.BOOKED);
		});
	}

	@Test
	void bankAmountsMayBePaddedWithZerosButNeverRounded() {
		Statement statement = csv("""
				booking_date,amount,currency,direction,status,end_to_end_ids,payment_order_id,return_reason
				2026-11-23,1500.00,JPY,debit,booked,PO-0000000A,,
				2026-11-23,10.5000,EUR,debit,booked,PO-0000000B,,
				2026-11-23,1500.50,JPY,debit,booked,PO-0000000C,,
				2026-11-23,10.501,EUR,debit,booked,PO-0000000D,,
				""");

		assertThat(statement.lines()).extracting(StatementLine::amount)
			.containsExactly(Money.ofMinor(1500, "JPY"), Money.ofMinor(1050, "EUR"));
		assertThat(statement.rejected()).extracting(RejectedRow::line, RejectedRow::reason)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(4, "amount '1500.50' has more decimals than JPY allows (0)"),
					org.assertj.core.groups.Tuple.tuple(5, "amount '10.501' has more decimals than EUR allows (2)"));
	}

	@Test
	void csvWithoutTheRequiredColumnsIsRefusedAsAWhole() {
		assertThatThrownBy(() -> csv("booking_date;amount;currency;direction\n"))
			.isInstanceOf(StatementFileException.class)
			.hasMessageContaining("line 1")
			.hasMessageContaining("';', tab or '|'");
		assertThatThrownBy(() -> csv("booking_date,amount,currency,direction\n2026-11-23,1.00,EUR,debit\n"))
			.isInstanceOf(StatementFileException.class)
			.hasMessageContaining("end_to_end_ids or payment_order_id");
		assertThatThrownBy(() -> csv("")).isInstanceOf(StatementFileException.class).hasMessageContaining("empty");
	}

	@Test
	void camt053EntriesBecomeLinesWithTheirReferencesAndReturnReason() throws IOException {
		Statement statement = StatementFiles.read(Files.readAllBytes(RESOURCES.resolve("camt053-with-return.xml")));

		assertThat(statement.format()).isEqualTo("camt.053");
		assertThat(statement.lines()).hasSize(3);
		StatementLine batch = statement.lines().get(0);
		assertThat(batch.line()).isEqualTo(12);
		assertThat(batch.amount()).isEqualTo(Money.ofMinor(199400, "EUR"));
		assertThat(batch.direction()).isEqualTo(Direction.DEBIT);
		assertThat(batch.status()).isEqualTo(EntryStatus.BOOKED);
		assertThat(batch.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(batch.bankReference()).isEqualTo("BANK-ENTRY-1");
		assertThat(batch.endToEndIds()).containsExactly("PO-20261121-0000000A", "PO-20261121-0000000B");
		assertThat(batch.paymentOrderId()).isEqualTo("B3-SEPA-EUR-sepa-pain001-file");

		StatementLine returned = statement.lines().get(1);
		assertThat(returned.status()).isEqualTo(EntryStatus.RETURNED);
		assertThat(returned.direction()).isEqualTo(Direction.CREDIT);
		assertThat(returned.returnReason()).isEqualTo("AC04");
		assertThat(returned.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(returned.amount()).isEqualTo(Money.ofMinor(49850, "EUR"));

		StatementLine pending = statement.lines().get(2);
		assertThat(pending.status()).isEqualTo(EntryStatus.PENDING);
		assertThat(pending.endToEndIds()).isEmpty();
		assertThat(pending.paymentOrderId()).isEqualTo("ord_123");

		assertThat(statement.rejected()).singleElement().satisfies(row -> {
			assertThat(row.column()).isEqualTo("Amt");
			assertThat(row.reason()).contains("no Ccy");
		});
	}

	@Test
	void camt053WithADoctypeOrTheWrongRootIsRefused() {
		String doctype = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt/></Document>
				""";
		assertThatThrownBy(() -> StatementFiles.read(doctype.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(StatementFileException.class)
			.hasMessageContaining("document type declaration");
		String pain002 = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\"/>";
		assertThatThrownBy(() -> StatementFiles.read(pain002.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(StatementFileException.class)
			.hasMessageContaining("not a camt.053");
		String broken = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>";
		assertThatThrownBy(() -> StatementFiles.read(broken.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(StatementFileException.class)
			.hasMessageContaining("not well-formed");
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "statement-2026-11-23.csv", "camt053-2026-11-23.xml" })
	void theShippedSampleStatementsReadWithoutRejectedRowsAndAreOfOurAccount(String name) throws IOException {
		Statement statement = StatementFiles.read(Files.readAllBytes(Path.of("jobs/examples/statements", name)));

		assertThat(statement.rejected()).isEmpty();
		assertThat(statement.lines()).isNotEmpty();
		new OurAccounts(List.of("DE89370400440532013000"), "test").check(statement);
	}

	@Test
	void csvRowsNameTheirAccountAndMayGiveChargesAndAReasonCode() {
		Statement statement = csv("""
				account,booking_date,amount,currency,direction,end_to_end_ids,charges,reason_code
				DE89 3704 0044 0532 0130 00,2026-11-23,990.00,EUR,debit,PO-0000000A,7.00,
				DE89370400440532013000,2026-11-23,990.00,EUR,debit,PO-0000000B,,FEES
				DE89370400440532013000,2026-11-23,990.00,EUR,debit,PO-0000000C,7.001,
				,2026-11-23,990.00,EUR,debit,PO-0000000D,,bad code!
				""");

		assertThat(statement.accounts()).containsExactly(new Statement.NamedAccount(2, "DE89 3704 0044 0532 0130 00"),
				new Statement.NamedAccount(3, "DE89370400440532013000"), new Statement.NamedAccount(5, ""));
		assertThat(statement.lines()).extracting(StatementLine::charges, StatementLine::reasonCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Money.ofMinor(700, "EUR"), null),
					org.assertj.core.groups.Tuple.tuple(null, "FEES"));
		assertThat(statement.rejected()).extracting(RejectedRow::line, RejectedRow::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "charges"),
					org.assertj.core.groups.Tuple.tuple(5, "reason_code"));
		assertThat(csv("booking_date,amount,currency,direction,end_to_end_ids\n").accounts()).isEmpty();
	}

	@Test
	void camt053StatementsNameTheirAccountAndEntriesTheirCharges() {
		String camt = """
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
				<Stmt><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
				<Ntry><Amt Ccy="EUR">990.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt>
				  <Chrgs><Rcrd><Amt Ccy="EUR">5.00</Amt><Tp><Cd>COMM</Cd></Tp></Rcrd><Rcrd><Amt Ccy="EUR">2.00</Amt></Rcrd></Chrgs>
				  <NtryDtls><TxDtls><Refs><EndToEndId>PO-0000000A</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
				<Ntry><Amt Ccy="EUR">990.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt>
				  <NtryDtls><TxDtls><Refs><EndToEndId>PO-0000000B</EndToEndId></Refs>
				    <Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">7.00</TtlChrgsAndTaxAmt></Chrgs></TxDtls></NtryDtls></Ntry>
				<Ntry><Amt Ccy="EUR">990.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
				  <BookgDt><Dt>2026-11-23</Dt></BookgDt><Chrgs><Rcrd><Amt Ccy="USD">7.00</Amt></Rcrd></Chrgs>
				  <NtryDtls><TxDtls><Refs><EndToEndId>PO-0000000C</EndToEndId></Refs></TxDtls></NtryDtls></Ntry>
				</Stmt>
				<Stmt><Acct><Id><Othr><Id>123456789</Id></Othr></Id></Acct></Stmt>
				<Stmt></Stmt>
				</BkToCstmrStmt></Document>
				""";

		Statement statement = StatementFiles.read(camt.getBytes(StandardCharsets.UTF_8));

		assertThat(statement.accounts()).extracting(Statement.NamedAccount::account)
			.containsExactly("DE89370400440532013000", "123456789", "");
		assertThat(statement.lines()).extracting(StatementLine::charges, StatementLine::reasonCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Money.ofMinor(700, "EUR"), "COMM"),
					org.assertj.core.groups.Tuple.tuple(Money.ofMinor(700, "EUR"), null));
		assertThat(statement.rejected()).singleElement().satisfies(row -> {
			assertThat(row.column()).isEqualTo("Chrgs");
			assertThat(row.reason()).contains("USD");
		});
	}

	private static Statement csv(String text) {
		return StatementFiles.read(text.getBytes(StandardCharsets.UTF_8));
	}

}
