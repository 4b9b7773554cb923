package com.payoutrunner.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunHistory;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.EventLock;
import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.SampleEvent;

class RunPreviewIntegrationTests extends PostgresIntegrationTest {

	/**
	 * The sample event's totals at a business date on or after 2024-07-01 (its scheduled
	 * payouts due). Checked against the batch lines a real run builds in
	 * {@link #aRealRunAfterwardsPaysExactlyWhatThePreviewSaid()}.
	 */
	static final String SAMPLE_TOTALS = """
			rail,rail_currency,connector,currency,payouts,gross,fees,net,rail_amount
			ACH,USD,sandbox-bank,USD,5,32132.36,87.95,32044.41,32044.41
			BACS,GBP,sandbox-bank,USD,2,11231.37,29.16,11202.21,8862.06
			BANKGIROT,SEK,sandbox-bank,USD,1,5721.19,14.84,5706.35,60455.93
			BECS,AUD,sandbox-bank,USD,1,7514.73,19.33,7495.40,11227.36
			BECS,NZD,sandbox-bank,USD,1,5131.01,13.37,5117.64,8404.70
			CCEN,MXN,sandbox-bank,USD,1,2354.19,6.43,2347.76,43012.14
			CHATS,HKD,sandbox-bank,USD,1,2033.93,5.62,2028.31,15837.86
			EFT,CAD,sandbox-bank,USD,1,2634.47,7.13,2627.34,3596.04
			ELIXIR,PLN,sandbox-bank,USD,1,2441.01,6.64,2434.37,9789.33
			GIRO,SGD,sandbox-bank,USD,1,4153.46,10.92,4142.54,5614.80
			ICS,HUF,sandbox-bank,USD,1,1915.03,5.33,1909.70,704182.78
			MASAV,ILS,sandbox-bank,USD,1,8323.40,21.35,8302.05,31263.03
			NEFT,INR,sandbox-bank,USD,1,1801.62,2.97,1798.65,149984.93
			NETS,DKK,sandbox-bank,USD,1,3051.09,8.17,3042.92,21194.55
			NICS,NOK,sandbox-bank,USD,1,4995.28,13.03,4982.25,53055.98
			SENT,RON,sandbox-bank,USD,1,4078.31,10.74,4067.57,18897.93
			SEPA,EUR,sandbox-bank,USD,22,279329.93,918.33,278411.60,259980.76
			SIC,CHF,sandbox-bank,USD,1,5193.02,13.52,5179.50,4654.30
			SKNBI,IDR,sandbox-bank,USD,1,3368.56,8.96,3359.60,55013450.00
			WIRE,USD,sandbox-bank,USD,3,22167.27,57.03,22110.24,22110.24
			ZENGIN,JPY,sandbox-bank,USD,1,250000.00,1252.14,248747.86,40018556
			""";

	@Autowired
	RunPreview previews;

	@Autowired
	ImportedEvents events;

	@Autowired
	PayoutRunOperations runs;

	@Autowired
	RunHistory history;

	@Autowired
	com.payoutrunner.calendar.RailCutOffs cutOffs;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	EventLock locks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	String event;

	@BeforeEach
	void importSampleEvent() throws Exception {
		event = events.sample("PRV");
	}

	@Test
	void previewsTheSampleEventPerPayoutAndPerRailAndCurrency() throws Exception {
		RunPreview.Result result = previews.preview(event, LocalDate.of(2026, 11, 23));

		PreviewSummary summary = result.summary();
		assertThat(summary.payouts()).isEqualTo(SampleEvent.PAYOUTS);
		assertThat(summary.wouldPay()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(summary.wouldSkip()).isEqualTo(SampleEvent.INELIGIBLE);
		assertThat(summary.alreadyQueued()).isZero();
		assertThat(summary.skipBreakdown()).containsExactly(Map.entry("invalid_method", 1L),
				Map.entry("missing_country", 1L), Map.entry("missing_external_account", 1L));
		assertThat(summary.latestRunStatus()).isNull();
		assertThat(result.totals()).hasContent(SAMPLE_TOTALS.replace("\n", "\r\n"));
		assertThat(result.directory().getParent()).isEqualTo(Path.of("target/test-reports/previews").toAbsolutePath());
		assertThat(result.directory().getFileName().toString()).matches(event + "-\\d{8}T\\d{6}Z(-\\d+)?");
		assertThat(result.summaryFile()).hasContent(result.summaryJson());
		assertThat(result.summaryJson()).startsWith("{\"event\":\"" + event + "\",\"dry_run\":true,"
				+ "\"business_date\":\"2026-11-23\",\"latest_run_status\":null,\"payouts\":52,\"would_pay\":49,"
				+ "\"would_skip\":3,\"already_queued\":0,\"skip_breakdown\":{\"invalid_method\":1,"
				+ "\"missing_country\":1,\"missing_external_account\":1},\"totals\":[{\"rail\":");

		Map<String, CSVRecord> rows = byInvestor(result.preview());
		assertThat(rows).hasSize(SampleEvent.PAYOUTS);
		// As PayoutRunJobIntegrationTests checks on the run's lines: 4754.86 USD normal,
		// fee 11.89 + 0.54 (EUR 0.50) = 12.43, net 4742.43, SEPA in EUR at 0.9338 ->
		// 4428.48.
		assertThat(rows.get("INV-0001").values()).containsExactly(id("INV-0001"), "INV-0001", "yes", "", "", "4754.86",
				"USD", "12.43", "4742.43", "SEPA", "EUR", "4428.48", "0.9338", "2024-06-28", "sandbox-bank",
				"DE97**************0031", "2026-11-23");
		assertThat(rows.get("INV-0025").get("rail_amount")).isEqualTo("40018556");
		assertThat(rows.get("INV-0012").get("rail")).isEqualTo("ACH");
		assertThat(rows.get("INV-0024").get("rail")).isEqualTo("WIRE");
		assertThat(rows.get("INV-0027").values()).containsExactly(id("INV-0027"), "INV-0027", "no", "invalid_method",
				"payment method 'Crypto' is not accepted (ACH or Wire)", rows.get("INV-0027").get("amount"), "USD", "",
				"", "", "", "", "", "", "", "FR43*******************8110", "");
	}

	@Test
	void theBusinessDateHoldsBackPayoutsScheduledAfterIt() {
		PreviewSummary before = previews.preview(event, LocalDate.of(2024, 6, 30)).summary();
		PreviewSummary on = previews.preview(event, LocalDate.of(2024, 7, 1)).summary();

		assertThat(before.wouldPay()).isEqualTo(SampleEvent.ELIGIBLE - 4);
		assertThat(before.skipBreakdown()).containsEntry("not_yet_due", 4L);
		assertThat(on.wouldPay()).isEqualTo(SampleEvent.ELIGIBLE);
		assertThat(on.skipBreakdown()).doesNotContainKey("not_yet_due");
	}

	/**
	 * A run planned for another day: every value date follows the business date asked
	 * for, not the wall clock. 2026-12-25 is a Friday closed for TARGET (25, 26
	 * December), the Federal Reserve and England (Boxing Day on Saturday is observed on
	 * Monday 28).
	 */
	@Test
	void valueDatesFollowTheBusinessDateOfAPreviewForAnotherDay() throws Exception {
		Map<String, CSVRecord> christmas = byInvestor(previews.preview(event, LocalDate.of(2026, 12, 25)).preview());

		assertThat(christmas.get("INV-0001").get("value_date")).as("SEPA").isEqualTo("2026-12-28");
		assertThat(christmas.get("INV-0013").get("value_date")).as("ACH").isEqualTo("2026-12-28");
		assertThat(christmas.get("INV-0006").get("value_date")).as("BACS").isEqualTo("2026-12-29");

		Map<String, CSVRecord> workday = byInvestor(previews.preview(event, LocalDate.of(2026, 12, 23)).preview());
		assertThat(workday.get("INV-0001").get("value_date")).isEqualTo("2026-12-23");
		assertThat(workday.get("INV-0013").get("value_date")).isEqualTo("2026-12-23");
		assertThat(workday.get("INV-0006").get("value_date")).isEqualTo("2026-12-23");
	}

	@Test
	void aPreviewChangesNothingInTheDatabaseAndDoesNotBlockTheRealRun() throws Exception {
		Map<String, Object> before = databaseState();

		previews.preview(event, null);
		previews.preview(event, LocalDate.of(2024, 6, 30));

		assertThat(databaseState()).isEqualTo(before);
		assertThat(history.runsOf(event)).isEmpty();
		PayoutRunOperations.Result run = runs.run(event);
		assertThat(run.outcome()).isEqualTo(PayoutRunOperations.Outcome.RAN);
		assertThat(run.execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aRealRunAfterwardsPaysExactlyWhatThePreviewSaid() throws Exception {
		RunPreview.Result preview = previews.preview(event, null);

		assertThat(runs.run(event).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);

		List<List<String>> previewed = records(preview.preview()).stream()
			.filter(row -> row.get("would_pay").equals("yes"))
			.map(row -> List.of(row.get("payout_id"), row.get("amount"), row.get("currency"), row.get("fee"),
					row.get("net"), row.get("rail"), row.get("rail_currency"), row.get("rail_amount"),
					row.get("connector")))
			.toList();
		List<List<String>> paid = jdbc.sql("""
				SELECT l.payout_id, l.amount_minor, l.currency, l.fee_minor, l.net_minor, l.rail, l.rail_currency,
				       l.rail_amount_minor, b.connector
				FROM payout_batch_lines l JOIN payout_batches b ON b.id = l.batch_id
				JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event AND l.status = 'accepted' AND p.status = 'sent'
				ORDER BY l.payout_id""")
			.param("event", event)
			.query((rs, n) -> List.of(rs.getString("payout_id"),
					money(rs.getLong("amount_minor"), rs.getString("currency")), rs.getString("currency"),
					money(rs.getLong("fee_minor"), rs.getString("currency")),
					money(rs.getLong("net_minor"), rs.getString("currency")), rs.getString("rail"),
					rs.getString("rail_currency"),
					money(rs.getLong("rail_amount_minor"), rs.getString("rail_currency")), rs.getString("connector")))
			.list();
		assertThat(paid).hasSize(SampleEvent.ELIGIBLE).containsExactlyElementsOf(previewed);

		List<List<String>> paidTotals = jdbc
			.sql("""
					SELECT l.rail, l.rail_currency, b.connector, l.currency, count(*) AS payouts, sum(l.amount_minor) AS gross,
					       sum(l.fee_minor) AS fees, sum(l.net_minor) AS net, sum(l.rail_amount_minor) AS rail_amount
					FROM payout_batch_lines l JOIN payout_batches b ON b.id = l.batch_id
					JOIN payouts p ON p.id = l.payout_id
					WHERE p.liquidation_event_id = :event AND l.status = 'accepted'
					GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 4, 3""")
			.param("event", event)
			.query((rs, n) -> List.of(rs.getString("rail"), rs.getString("rail_currency"), rs.getString("connector"),
					rs.getString("currency"), rs.getString("payouts"),
					money(rs.getLong("gross"), rs.getString("currency")),
					money(rs.getLong("fees"), rs.getString("currency")),
					money(rs.getLong("net"), rs.getString("currency")),
					money(rs.getLong("rail_amount"), rs.getString("rail_currency"))))
			.list();
		assertThat(paidTotals).containsExactlyInAnyOrderElementsOf(records(preview.totals()).stream()
			.map(row -> List.of(row.get("rail"), row.get("rail_currency"), row.get("connector"), row.get("currency"),
					row.get("payouts"), row.get("gross"), row.get("fees"), row.get("net"), row.get("rail_amount")))
			.toList());
	}

	@Test
	void aPreviewWorksWhileARunOfTheEventIsInProgress() throws Exception {
		// What a live run leaves: its execution STARTED, the event's lock held, and the
		// payouts of its first chunk queued.
		var parameters = new JobParametersBuilder().addString(PayoutRunJobParameters.EVENT, event)
			.addLocalDate(PayoutRunJobParameters.BUSINESS_DATE, LocalDate.now(clock), false)
			.toJobParameters();
		var instance = jobRepository.createJobInstance("payoutRunJob", parameters);
		JobExecution started = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		started.setStatus(BatchStatus.STARTED);
		started.setStartTime(java.time.LocalDateTime.now());
		jobRepository.update(started);
		jdbc.sql("UPDATE payouts SET status = 'queued' WHERE liquidation_event_id = :event"
				+ " AND investor_id IN ('INV-0001', 'INV-0002')")
			.param("event", event)
			.update();
		try (var lock = locks.acquire(event)) {
			Map<String, Object> before = databaseState();

			PreviewSummary summary = previews.preview(event, null).summary();

			assertThat(summary.latestRunStatus()).isEqualTo("STARTED");
			assertThat(summary.alreadyQueued()).isEqualTo(2);
			assertThat(summary.wouldPay()).isEqualTo(SampleEvent.ELIGIBLE - 2);
			assertThat(summary.wouldSkip()).isEqualTo(SampleEvent.INELIGIBLE);
			assertThat(databaseState()).isEqualTo(before);
			assertThat(jobRepository.getLastJobExecution(instance).getStatus()).isEqualTo(BatchStatus.STARTED);
		}
	}

	@Test
	void afterTheRunCompletedThePreviewShowsWhatARerunWouldPay() throws Exception {
		runs.run(event);
		Map<String, Object> before = databaseState();

		PreviewSummary summary = previews.preview(event, null).summary();

		assertThat(summary.latestRunStatus()).isEqualTo("COMPLETED");
		assertThat(summary.wouldPay()).isZero();
		assertThat(summary.totals()).isEmpty();
		assertThat(summary.skipBreakdown()).containsExactly(
				Map.entry("existing_payment_order", (long) SampleEvent.ELIGIBLE), Map.entry("invalid_method", 1L),
				Map.entry("missing_country", 1L), Map.entry("missing_external_account", 1L));
		assertThat(databaseState()).isEqualTo(before);
		assertThat(runs.run(event).outcome()).isEqualTo(PayoutRunOperations.Outcome.ALREADY_COMPLETED);
	}

	/**
	 * Row counts of every table (Spring Batch's, the payouts', the sandbox bank's), every
	 * sequence's last value (a write rolled back still moves one), and the event's
	 * payouts as text.
	 */
	private Map<String, Object> databaseState() {
		Map<String, Object> state = new TreeMap<>();
		for (String table : jdbc.sql("""
				SELECT table_schema || '.' || table_name FROM information_schema.tables
				WHERE table_schema IN ('public', 'sandbox_bank') AND table_type = 'BASE TABLE'""")
			.query(String.class)
			.list()) {
			state.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
		}
		jdbc.sql("SELECT schemaname || '.' || sequencename, last_value FROM pg_sequences")
			.query((rs, n) -> state.put("sequence " + rs.getString(1), rs.getObject(2)))
			.list();
		state.put("payoutRunJob instances",
				jdbc.sql("SELECT count(*) FROM batch_job_instance WHERE job_name = 'payoutRunJob'")
					.query(Long.class)
					.single());
		state
			.put("payouts of the event",
					jdbc.sql("SELECT md5(string_agg(p::text, '|' ORDER BY p.id)) FROM payouts p"
							+ " WHERE p.liquidation_event_id = :event")
						.param("event", event)
						.query(String.class)
						.single());
		assertThat(state).containsKeys("public.batch_job_instance", "public.batch_job_execution",
				"public.payout_batch_lines", "public.skip_records", "public.audit_events", "public.payment_submissions",
				"sandbox_bank.received_requests");
		return state;
	}

	private String id(String investor) {
		return jdbc.sql("SELECT id FROM payouts WHERE liquidation_event_id = :event AND investor_id = :investor")
			.param("event", event)
			.param("investor", investor)
			.query(Long.class)
			.single()
			.toString();
	}

	private static String money(long minor, String currency) {
		return Money.ofMinor(minor, currency).toDecimal().toPlainString();
	}

	private static Map<String, CSVRecord> byInvestor(Path file) throws Exception {
		Map<String, CSVRecord> rows = new TreeMap<>();
		records(file).forEach(row -> rows.put(row.get("investor_id"), row));
		return rows;
	}

	private static List<CSVRecord> records(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file)) {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
		}
	}

}
