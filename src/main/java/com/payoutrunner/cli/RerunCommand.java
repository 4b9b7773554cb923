package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummaryService;

@Command(name = "rerun", mixinStandardHelpOptions = true, description = {
		"Starts a new run of the event: re-reads every payout and pays only those without a payment order",
		"(already paid ones are existing_payment_order skips). Prints the run summary as one line of JSON, last." })
class RerunCommand implements Callable<Integer> {

	RunSummaryService runSummaryService;

	PayoutRunOperations payoutRunOperations;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(RunSummaryService runSummaryService, PayoutRunOperations payoutRunOperations) {
		this.runSummaryService = runSummaryService;
		this.payoutRunOperations = payoutRunOperations;
	}

	@Mixin
	EventOption event;

	@Mixin
	ByOption by;

	@Override
	public Integer call() throws Exception {
		ExitCodeOnShutdown.install();
		try (var context = SpringContext.start(this)) {
			return RunOutcomePrinter.print(runSummaryService, payoutRunOperations.rerun(event.event, by.by));
		}
	}

}
