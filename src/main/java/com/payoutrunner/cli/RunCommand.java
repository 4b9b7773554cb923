package com.payoutrunner.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.payoutrunner.approval.RunApprovals;
import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummaryService;
import com.payoutrunner.preview.RunPreview;

@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Runs the event's payouts: eligibility, fees, rails and FX, batch lines, bank submission.",
				"Already COMPLETED: says so and does nothing. FAILED, STOPPED or killed: resumes it.",
				"Prints progress per step, then the run summary as one line of JSON, last.",
				"With --dry-run: judges every payout with the same rules and writes what would be paid to",
				"<reports dir>/previews/<event>-<timestamp>/, without touching the database or a bank;",
				"prints the totals per rail and currency (CSV), then the preview summary as one line of JSON, last." })
class RunCommand implements Callable<Integer> {

	RunPreview runPreview;

	RunApprovals runApprovals;

	JsonMapper jsonMapper;

	RunSummaryService runSummaryService;

	PayoutRunOperations payoutRunOperations;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(RunPreview runPreview, RunApprovals runApprovals, JsonMapper jsonMapper,
			RunSummaryService runSummaryService, PayoutRunOperations payoutRunOperations) {
		this.runPreview = runPreview;
		this.runApprovals = runApprovals;
		this.jsonMapper = jsonMapper;
		this.runSummaryService = runSummaryService;
		this.payoutRunOperations = payoutRunOperations;
	}

	@Mixin
	EventOption event;

	@Mixin
	ByOption by;

	@Option(names = "--dry-run",
			description = "preview only: no job instance, batch line, hold, status change or bank call; works while a run of the event is in progress or after it completed")
	boolean dryRun;

	@Option(names = "--business-date", paramLabel = "YYYY-MM-DD",
			description = "with --dry-run: the business date payouts' scheduled dates are judged against (default: today, as a run launched now)")
	LocalDate businessDate;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		if (businessDate != null && !dryRun) {
			throw new ParameterException(spec.commandLine(),
					"--business-date needs --dry-run: a run takes its business date from today's date");
		}
		try (var context = SpringContext.start(this)) {
			if (dryRun) {
				// No EventLock here, unlike a real run: a preview writes nothing, and
				// holding
				// the lock would make a real run of the event started meanwhile fail as
				// busy
				// (see RunPreview).
				return printPreview(runPreview.preview(event.event, businessDate), runApprovals, jsonMapper);
			}
			ExitCodeOnShutdown.install();
			return RunOutcomePrinter.print(runSummaryService, payoutRunOperations.run(event.event, by.by));
		}
	}

	private int printPreview(RunPreview.Result result, RunApprovals approvals, JsonMapper json) throws Exception {
		var summary = result.summary();
		RunApprovals.Assessment approval = approvals.assess(summary.totals());
		System.err
			.println("payout-runner: dry run of " + summary.event() + " for business date " + summary.businessDate()
					+ ": nothing was written to the database and no bank was called; " + summary.wouldPay()
					+ " payout(s) would be paid, " + summary.wouldSkip() + " skipped; files in " + result.directory());
		if ("COMPLETED".equals(summary.latestRunStatus())) {
			System.err.println("payout-runner: the latest run of " + summary.event()
					+ " already COMPLETED, so run would do nothing: this is what rerun --event " + summary.event()
					+ " would pay");
		}
		if (approval.approvalRequired()) {
			System.err.println("payout-runner: the run would total " + approval.total() + ", over the run ceiling "
					+ approval.ceiling() + ": it would wait for approval by " + approval.approvalsRequired()
					+ " people other than its launcher before any file or bank call");
		}
		var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
		out.write(Files.readString(result.totals(), StandardCharsets.UTF_8));
		ObjectNode last = (ObjectNode) json.readTree(result.summaryJson());
		last.putPOJO("run_approval", approval);
		out.write(json.writeValueAsString(last));
		out.newLine();
		out.flush();
		return PayoutRunnerCli.COMPLETED;
	}

}
