package com.payoutrunner.connector.file.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class BankAnswerFilesTests {

	static final String REPORT = """
			<?xml version="1.0" encoding="UTF-8"?>
			<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
			  <CstmrPmtStsRpt>
			    <OrgnlPmtInfAndSts>
			      <TxInfAndSts>
			        <OrgnlEndToEndId>PO-20261121-0000000B</OrgnlEndToEndId>
			        <TxSts>ACSC</TxSts>
			        <OrgnlTxRef><PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf></OrgnlTxRef>
			      </TxInfAndSts>
			      <TxInfAndSts>
			        <OrgnlEndToEndId>PO-20261121-0000000C</OrgnlEndToEndId>
			        <TxSts>RJCT</TxSts>
			        <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></StsRsnInf>
			      </TxInfAndSts>
			      <TxInfAndSts>
			        <OrgnlEndToEndId>PO-20261121-0000000D</OrgnlEndToEndId>
			        <TxSts>PDNG</TxSts>
			      </TxInfAndSts>
			    </OrgnlPmtInfAndSts>
			  </CstmrPmtStsRpt>
			</Document>
			""";

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void readsAcceptedAndRejectedTransactionsWithTheirLinesAndLeavesPendingOut() {
		List<BankVerdict> verdicts = Pain002StatusReport.parse(bytes(REPORT));

		assertThat(verdicts).containsExactly(
				new BankVerdict("PO-20261121-0000000B", BankVerdict.Kind.ACCEPTED, null, "ACSC", 5),
				new BankVerdict("PO-20261121-0000000C", BankVerdict.Kind.REJECTED, "AC04", "Account closed", 10));
	}

	@Test
	void aServiceLevelCodeIsNotAReasonCode() {
		String rejectedWithoutReason = REPORT.replace("<TxSts>ACSC</TxSts>", "<TxSts>RJCT</TxSts>");

		assertThat(Pain002StatusReport.parse(bytes(rejectedWithoutReason)).get(0).code()).isEqualTo("RJCT");
	}

	@Test
	void refusesMalformedXmlNamingTheLine() {
		String broken = REPORT.replace("</TxSts>\n        <StsRsnInf>", "\n        <StsRsnInf>");

		assertThatThrownBy(() -> Pain002StatusReport.parse(bytes(broken))).isInstanceOf(InboxFileException.class)
			.hasMessageStartingWith("line ")
			.hasMessageContaining("not well-formed XML");
	}

	@Test
	void refusesADocumentTypeDeclaration() {
		String withEntity = REPORT.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
				"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

		assertThatThrownBy(() -> Pain002StatusReport.parse(bytes(withEntity))).isInstanceOf(InboxFileException.class);
	}

	@Test
	void refusesATransactionWithoutItsEndToEndId() {
		String missing = REPORT.replace("<OrgnlEndToEndId>PO-20261121-0000000D</OrgnlEndToEndId>", "");

		assertThatThrownBy(() -> Pain002StatusReport.parse(bytes(missing))).isInstanceOf(InboxFileException.class)
			.hasMessage("line 15: transaction status 3 has no OrgnlEndToEndId");
	}

	@Test
	void refusesAnotherMessage() {
		String pain001 = REPORT.replace("pain.002.001.03", "pain.001.001.09");

		assertThat(Pain002StatusReport.looksLikeOne(bytes(pain001))).isFalse();
		assertThatThrownBy(() -> Pain002StatusReport.parse(bytes(pain001))).hasMessageContaining("not a pain.002");
	}

	static String record(String text) {
		return text + " ".repeat(94 - text.length());
	}

	static final String RETURNS = String.join("\n",
			record("101 011000015 0210000212611231000A094101FED RESERVE BOSTON     PAYOUT RUNNER BANK"),
			record("5200PAYOUT RUNNER                       1234567890CCDRETURN          261124   1021000020000001"),
			record("626011000015" + "0973519254       " + "0000649734" + "PO-0000002A    "
					+ "MIKKO CARTER            1021000020000001"),
			record("799R04011000010000001      01100001                    "),
			record("626011000015" + "0973519255       " + "0000100000" + "PO-0000002B    "
					+ "EVA LIND                1021000020000002"),
			record("799R02011000010000002      01100001Account closed 2026-11"),
			record("82000000040002200002000000000000000000749734"), record("9000001"), "9".repeat(94)) + "\n";

	@Test
	void readsEachReturnedEntryWithItsReturnCode() {
		List<BankVerdict> verdicts = AchReturnFile.parse(bytes(RETURNS));

		assertThat(AchReturnFile.looksLikeOne(bytes(RETURNS))).isTrue();
		assertThat(verdicts).containsExactly(
				new BankVerdict("PO-0000002A", BankVerdict.Kind.RETURNED, "R04", "invalid account number", 3),
				new BankVerdict("PO-0000002B", BankVerdict.Kind.RETURNED, "R02",
						"account closed: Account closed 2026-11", 5));
	}

	@Test
	void refusesAnEntryWithoutItsAddenda() {
		String[] records = RETURNS.split("\n");
		records[3] = records[4];

		assertThatThrownBy(() -> AchReturnFile.parse(bytes(String.join("\n", records))))
			.isInstanceOf(InboxFileException.class)
			.hasMessage("line 3: returned entry without its return addenda record");
	}

	@Test
	void refusesARecordOfTheWrongLength() {
		String shortRecord = RETURNS.replace(record("9000001"), "9000001");

		assertThatThrownBy(() -> AchReturnFile.parse(bytes(shortRecord)))
			.hasMessage("line 8: record of 7 characters, not 94");
	}

}
