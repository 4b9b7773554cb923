package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PayoutQueries;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;

class PayoutRunJobIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	JobOperator jobOperator;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	@Qualifier("payoutRunJob")
	Job payoutRunJob;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunSummaryService summaries;

	@Autowired
	JdbcClient jdbc;

	JobOperatorTestUtils jobs;

	@Autowired
	PayoutQueries db;

	String event;

	@BeforeEach
	void importSampleEvent() throws Exception {
		jobs = new JobOperatorTestUtils(jobOperator, jobRepository);
		jobs.setJob(payoutRunJob);
		event = events.sample("LIQ");
	}

	@Test
	void runPaysEveryEligiblePayoutOnceAndReportsTheSkips() throws Exception {
		JobExecution execution = jobs.startJob(PayoutRunOperations.parameters(event, 0, java.time.LocalDate.now()));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		StepExecution build = step(execution, "buildBatchLinesStep");
		assertThat(build.getReadCount()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(build.getWriteCount()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(build.getProcessSkipCount()).isEqualTo(SampleEvent.INELIGIBLE);
		StepExecution submit = step(execution, "submitBatchLinesStep");
		assertThat(submit.getReadCount()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(submit.getWriteCount()).isEqualTo(SampleEvent.ELIGIBLE);

		assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.payoutsWithStatus(event, "pending")).isEqualTo(SampleEvent.INELIGIBLE);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.invariantViolations(event)).isEmpty();

		RunSummary summary = summaries.summarize(execution);
		assertThat(summary.created()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summary.skipped()).isEqualTo(SampleEvent.INELIGIBLE);
		assertThat(summary.failed()).isZero();
		assertThat(summary.skipBreakdown()).containsExactlyInAnyOrderEntriesOf(
				Map.of("missing_external_account", 1L, "invalid_method", 1L, "missing_country", 1L));
		assertThat(Path.of(summary.skipReport())).hasContent(expectedSkipReport());
	}

	@Test
	void linesRecordFeeRailAndFxExactly() throws Exception {
		jobs.startJob(PayoutRunOperations.parameters(event, 0, java.time.LocalDate.now()));

		// INV-0001: DE, 4754.86 USD normal: fee 0.25% = 11.887 -> 11.89, + EUR 0.50 fixed
		// = 0.5354... -> 0.54 USD (0.50 / 0.9338, HALF_UP) = 12.43; net 4742.43;
		// SEPA in EUR at the table's 0.9338: 4428.481... -> 4428.48.
		assertThat(line("INV-0001")).containsExactly(475486L, 1243L, 474243L, "SEPA", "EUR", 442848L,
				"fee-schedule.csv:4");
		// INV-0012: JP banking in the US -> ACH in USD, no conversion.
		assertThat(line("INV-0012")).element(3).isEqualTo("ACH");
		assertThat(line("INV-0012")).element(4).isEqualTo("USD");
		// INV-0025: JP, 250000.00 USD instant: 1250.00 + EUR 2.00 = 2.1417... -> 2.14 USD
		// =
		// 1252.14; net 248747.86; ZENGIN in JPY at 160.88:
		// 40018555.7168 -> 40018556 yen (JPY has no minor unit).
		assertThat(line("INV-0025")).containsExactly(25000000L, 125214L, 24874786L, "ZENGIN", "JPY", 40018556L,
				"fee-schedule.csv:2");
		// INV-0024: AE is not in the table -> international wire in USD.
		assertThat(line("INV-0024")).element(3).isEqualTo("WIRE");
		// amount = net + fee on every line
		assertThat(jdbc.sql("""
				SELECT count(*) FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event AND l.amount_minor <> l.net_minor + l.fee_minor""")
			.param("event", event)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rerunCreatesNoNewPaymentOrders() throws Exception {
		runs.run(event);

		PayoutRunOperations.Result rerun = runs.rerun(event);

		assertThat(rerun.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		RunSummary summary = summaries.summarize(rerun.execution());
		assertThat(summary.created()).isZero();
		assertThat(summary.skipBreakdown()).containsEntry("existing_payment_order", (long) SampleEvent.ELIGIBLE)
			.containsEntry("missing_country", 1L);
		assertThat(summary.skipped()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.count("""
				SELECT count(*) FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event""", event)).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(db.invariantViolations(event)).isEmpty();
	}

	@Test
	void runningACompletedRunAgainDoesNothing() throws Exception {
		JobExecution first = runs.run(event).execution();

		PayoutRunOperations.Result again = runs.run(event);

		assertThat(again.ran()).isFalse();
		assertThat(again.execution().getId()).isEqualTo(first.getId());
		assertThat(again.message()).contains("already COMPLETED").contains("execution " + first.getId());
		assertThat(db.bankOrders(event)).isEqualTo(SampleEvent.ELIGIBLE);
	}

	@Test
	void aPayoutFixedAfterASkipIsPaidByTheRerun() throws Exception {
		runs.run(event);
		jdbc.sql("UPDATE payouts SET country = 'US' WHERE liquidation_event_id = :event AND investor_id = 'INV-0049'")
			.param("event", event)
			.update();

		RunSummary summary = summaries.summarize(runs.rerun(event).execution());

		assertThat(summary.created()).isEqualTo(1);
		assertThat(db.payoutsWithStatus(event, "sent")).isEqualTo(SampleEvent.ELIGIBLE + 1);
		assertThat(db.invariantViolations(event)).isEmpty();
	}

	private java.util.List<Object> line(String investor) {
		return jdbc
			.sql("""
					SELECT l.amount_minor, l.fee_minor, l.net_minor, l.rail, l.rail_currency, l.rail_amount_minor, l.fee_rule
					FROM payout_batch_lines l JOIN payouts p ON p.id = l.payout_id
					WHERE p.liquidation_event_id = :event AND p.investor_id = :investor""")
			.param("event", event)
			.param("investor", investor)
			.query((rs, n) -> java.util.List.<Object>of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5).trim(), rs.getLong(6), rs.getString(7)))
			.single();
	}

	private String expectedSkipReport() throws Exception {
		String template = Files.readString(Path.of("src/test/resources/golden/sample-run-skips.csv"));
		for (var entry : db.payoutIds(event).entrySet()) {
			template = template.replace("{" + entry.getKey() + "}", entry.getValue().toString());
		}
		return template;
	}

	private static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter(s -> s.getStepName().equals(name))
			.findFirst()
			.orElseThrow();
	}

}
