package com.payoutrunner.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.TestFolders;

/**
 * reconcileStatementJob as a job: its steps and counts in the job repository, a failed
 * report step resumed by reconciling the same file again without applying the statement
 * twice, and a changed file reconciled as a statement of its own.
 */
class ReconcileStatementJobIntegrationTests extends PostgresIntegrationTest {

	/** Where the tests write their statements. */
	static final String ROOT = "target/it-reconcile-job";

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutQueries db;

	@Autowired
	TestFolders folders;

	@Autowired
	StatementReconciler reconciler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementInbox inbox;

	/** A file where the report step's folder goes: it cannot write. */
	Path blocker;

	PayoutQueries.SentPayout sent;

	@BeforeEach
	void aPayoutIsSent() throws Exception {
		FileSystemUtils.deleteRecursively(Path.of(ROOT));
		Files.createDirectories(Path.of(ROOT));
		folders.emptyBankFolders();
		blocker = folders.reports().resolve("reconciliation");
		FileSystemUtils.deleteRecursively(blocker);
		Files.createDirectories(folders.reports());
		sent = db.firstSent(events.sampleRun("RJOB"));
	}

	/** Other tests write their reconciliation reports there too. */
	@AfterEach
	void removeTheBlocker() throws Exception {
		if (Files.isRegularFile(blocker)) {
			Files.delete(blocker);
		}
	}

	@Test
	void aFailedReportStepIsResumedByTheSameFileWithoutApplyingTheStatementTwice() throws Exception {
		Path statement = statement("resume.csv");
		Files.writeString(blocker, "in the way");

		assertThatThrownBy(() -> reconciler.reconcile(statement, 3, Delivery.cli("tester")))
			.isInstanceOf(StatementReconciler.ReconciliationFailedException.class)
			.hasMessageContaining("FAILED")
			.hasMessageContaining("cannot create a report folder")
			.hasMessageNotContaining("\tat ")
			.hasMessageContaining("the statement is applied (its report is what is missing)")
			.hasMessageEndingWith("reconcile the same file again to resume");
		assertThat(status(sent.id())).as("the statement committed with its step").isEqualTo("settled");

		Files.delete(blocker);
		ReconciliationResult resumed = reconciler.reconcile(statement, 3, Delivery.cli("tester"));

		assertThat(resumed.alreadyApplied()).as("applied by this job instance").isFalse();
		assertThat(resumed.settled()).isEqualTo(1);
		assertThat(Files.readString(resumed.report())).contains("matched,2,settled," + sent.id());
		assertThat(jdbc.sql("SELECT count(*) FROM reconciliation_matches WHERE payout_id = :id")
			.param("id", sent.id())
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(steps(statement)).as("the statement applied once; its report step failed, then resumed")
			.containsExactly("applyStatementStep COMPLETED 1 1 0", "writeReconciliationReportStep FAILED 0 0 0",
					"writeReconciliationReportStep COMPLETED 0 1 0");
	}

	@Test
	void aChangedFileIsAStatementOfItsOwnEvenBesideAFailedInstance() throws Exception {
		Path statement = statement("changed.csv");
		Files.writeString(blocker, "in the way");
		assertThatThrownBy(() -> reconciler.reconcile(statement, 3, Delivery.cli("tester")))
			.isInstanceOf(StatementReconciler.ReconciliationFailedException.class);
		Files.delete(blocker);

		Files.writeString(statement, Files.readString(statement) + "\n");
		ReconciliationResult other = reconciler.reconcile(statement, 3, Delivery.cli("tester"));

		assertThat(other.alreadyApplied()).as("new content is a new statement, which finds its payout settled")
			.isFalse();
		assertThat(other.unmatchedLines()).isEqualTo(1);
		assertThat(Files.readString(other.report())).contains("is settled, not sent");
	}

	@Test
	void statementsDroppedInTheInboxAreReconciledAndUnreadableOnesSetAside() throws Exception {
		Path dir = Files.createDirectories(folders.statementInbox());
		Files.move(statement("dropped.csv"), dir.resolve("dropped.csv"));
		Files.writeString(dir.resolve("junk.csv"), "not,a,statement\n");
		Files.writeString(dir.resolve("not-ours.csv"),
				Files.readString(statement("x.csv")).replace("DE89370400440532013000", "DE02120300000000202051"));

		var results = inbox.processAll();

		assertThat(results).extracting(StatementInbox.FileResult::file, StatementInbox.FileResult::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("dropped.csv", "applied"),
					org.assertj.core.groups.Tuple.tuple("junk.csv", "rejected"),
					org.assertj.core.groups.Tuple.tuple("not-ours.csv", "rejected"));
		assertThat(status(sent.id())).isEqualTo("settled");
		assertThat(jdbc.sql("SELECT delivered_by FROM reconciliation_statements WHERE file_name = 'dropped.csv'")
			.query(String.class)
			.single()).isEqualTo("inbox");
		assertThat(dir.resolve("processed/dropped.csv")).exists();
		assertThat(dir.resolve("rejected/junk.csv")).exists();
		assertThat(Files.readString(dir.resolve("rejected/junk.csv.error.txt"))).contains("line 1")
			.contains("missing column");
		assertThat(Files.readString(dir.resolve("rejected/not-ours.csv.error.txt")))
			.contains("account DE02**************2051 is not one of ours");
		assertThat(inbox.processAll()).as("nothing left").isEmpty();
	}

	private Path statement(String name) throws Exception {
		Path file = Path.of(ROOT, name);
		Files.writeString(file,
				"""
						booking_date,amount,currency,direction,status,bank_reference,end_to_end_ids,payment_order_id,return_reason,account
						2026-11-24,%s,%s,debit,booked,BNK-1,%s,,,DE89370400440532013000
						"""
					.formatted(sent.railAmount().toDecimal().toPlainString(), sent.railAmount().code(),
							sent.reference()));
		return file;
	}

	private String status(long id) {
		return jdbc.sql("SELECT status FROM payouts WHERE id = :id").param("id", id).query(String.class).single();
	}

	/** "step status read write filter" of every execution of the statement's instance. */
	private java.util.List<String> steps(Path statement) {
		return jdbc.sql("""
				SELECT s.step_name || ' ' || s.status || ' ' || s.read_count || ' ' || s.write_count || ' '
				    || s.filter_count
				FROM batch_step_execution s JOIN batch_job_execution_params p USING (job_execution_id)
				WHERE p.parameter_name = 'statement.file' AND p.parameter_value = :file
				ORDER BY s.step_execution_id""")
			.param("file", statement.toAbsolutePath().normalize().toString())
			.query(String.class)
			.list();
	}

}
