package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.payout.intake.PayoutImportOperations;
import com.payoutrunner.report.RunSummary;
import com.payoutrunner.report.RunSummaryService;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;
import com.payoutrunner.support.TestEvents;

/**
 * A bank that cannot be reached: every submission fails as data, nothing is lost, and the
 * run still completes.
 */
@TestPropertySource(properties = "payout.bank.url=http://127.0.0.1:9")
class BankUnavailableIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	PayoutImportOperations imports;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JdbcClient jdbc;

	@Test
	void submissionsThatCannotReachTheBankAreCountedAsFailedAndLeftForTheNextRun() throws Exception {
		String event = TestEvents.unique("DOWN");
		imports.importFile(event, SampleEvent.FILE);

		var execution = runs.run(event).execution();

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		RunSummary summary = summaries.summarize(execution);
		assertThat(summary.created()).isZero();
		assertThat(summary.failed()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summary.failedBreakdown()).containsEntry("bank_unavailable", (long) SampleEvent.ELIGIBLE);
		PayoutQueries db = new PayoutQueries(jdbc);
		assertThat(db.payoutsWithStatus(event, "failed")).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.count("""
				SELECT count(*) FROM payment_submissions s JOIN payout_batch_lines l ON l.id = s.batch_line_id
				JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event AND s.status = 'failed' AND s.attempts = 1""", event))
			.isEqualTo(SampleEvent.ELIGIBLE);
	}

}
