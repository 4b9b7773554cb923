package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.connector.file.inbox.BankInbox;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestFolders;

/**
 * A file in a drop folder that fails because of its own content goes to {@code rejected/}
 * with its reason at the first look, starting at most one job execution; the next sweep
 * does not try it again.
 */
class PoisonFilesIntegrationTests extends PostgresIntegrationTest {

	static final String HEADER = "account,booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids\n";

	@Autowired
	StatementInbox statements;

	@Autowired
	BankInbox bankAnswers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestFolders folders;

	/** The statements' drop folder. */
	Path statementsFolder;

	/** Where the bank's answers are dropped. */
	Path bankAnswersFolder;

	@BeforeEach
	void emptyFolders() throws Exception {
		folders.emptyBankFolders();
		statementsFolder = Files.createDirectories(folders.statementInbox());
		bankAnswersFolder = Files.createDirectories(folders.inbox());
	}

	static Stream<Arguments> poisonStatements() {
		byte[] latin1 = (HEADER + "DE89370400440532013000,2026-11-23,10.00,EUR,debit,booked,Überweisung,PO-00000001\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		return Stream.of(
				Arguments.of("nul.csv",
						utf8(HEADER + "DE89370400440532013000,2026-11-23,10.00,EUR,debit,booked,BNK\0,PO-00000001\n"),
						"a NUL byte at byte offset"),
				Arguments.of("latin1.csv", latin1, "not valid UTF-8: byte 0xDC"),
				Arguments.of("nul.xml", utf8("<?xml version=\"1.0\"?>\0<Document/>"), "a NUL byte"),
				Arguments.of("truncated.csv",
						concat(utf8(HEADER + "DE89370400440532013000,2026-11-23,10.00,EUR,debit,"),
								new byte[] { (byte) 0xE2, (byte) 0x82 }),
						"not valid UTF-8"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("poisonStatements")
	void aPoisonStatementIsRejectedOnceAndNotTriedAgain(String name, byte[] content, String reason) throws Exception {
		Files.write(statementsFolder.resolve(name), content);
		long executions = reconcileExecutions();

		assertThat(statements.processAll()).singleElement().satisfies(result -> {
			assertThat(result.outcome()).isEqualTo("rejected");
			assertThat(result.detail()).contains(reason);
		});

		assertThat(statementsFolder.resolve(name)).doesNotExist();
		assertThat(statementsFolder.resolve("rejected").resolve(name)).exists();
		assertThat(statementsFolder.resolve("rejected").resolve(name + ".error.txt")).content().contains(reason);
		assertThat(reconcileExecutions()).as("no job execution, failed or not").isEqualTo(executions);
		assertThat(statements.processAll()).as("the next sweep finds nothing to retry").isEmpty();
		assertThat(reconcileExecutions()).isEqualTo(executions);
	}

	static Stream<Arguments> poisonBankAnswers() {
		String pain002 = """
				<?xml version="1.0" encoding="UTF-8"?>
				<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
				  <CstmrPmtStsRpt><GrpHdr><MsgId>STS-1</MsgId></GrpHdr>
				    <OrgnlPmtInfAndSts><TxInfAndSts><OrgnlEndToEndId>PO-00000001</OrgnlEndToEndId><TxSts>RJCT""";
		return Stream.of(Arguments.of("broken.xml", utf8(pain002), "not well-formed XML"),
				Arguments.of("nul.xml", utf8(pain002 + "\0</TxSts></TxInfAndSts></OrgnlPmtInfAndSts></CstmrPmtStsRpt>"),
						"a NUL byte"),
				Arguments.of("latin1.xml",
						(pain002 + "</TxSts><StsRsnInf><AddtlInf>Konto ungültig</AddtlInf></StsRsnInf>")
							.getBytes(StandardCharsets.ISO_8859_1),
						"not valid UTF-8: byte 0xFC"),
				Arguments.of("empty-report.xml", utf8(
						pain002.substring(0, pain002.indexOf("<OrgnlPmtInfAndSts>")) + "</CstmrPmtStsRpt></Document>"),
						"names no transaction"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("poisonBankAnswers")
	void aPoisonBankAnswerIsRejectedOnceAndNotTriedAgain(String name, byte[] content, String reason) throws Exception {
		Files.write(bankAnswersFolder.resolve(name), content);

		assertThat(bankAnswers.processAll()).singleElement()
			.satisfies(result -> assertThat(result.error()).contains(reason));

		assertThat(bankAnswersFolder.resolve("rejected").resolve(name)).exists();
		assertThat(bankAnswersFolder.resolve("rejected").resolve(name + ".error.txt")).content().contains(reason);
		assertThat(bankAnswers.processAll()).as("the next sweep finds nothing to retry").isEmpty();
	}

	private long reconcileExecutions() {
		return jdbc.sql("""
				SELECT count(*) FROM batch_job_execution e JOIN batch_job_instance i USING (job_instance_id)
				WHERE i.job_name = 'reconcileStatementJob'""").query(Long.class).single();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
