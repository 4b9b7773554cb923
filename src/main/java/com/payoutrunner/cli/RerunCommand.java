package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.PayoutRunOperations;

@Command(name = "rerun", mixinStandardHelpOptions = true, description = {
		"Starts a new run of the event: re-reads every payout and pays only those without a payment order",
		"(already paid ones are existing_payment_order skips). Prints the run summary as one line of JSON, last." })
class RerunCommand implements Callable<Integer> {

	@Mixin
	EventOption event;

	@Mixin
	ByOption by;

	@Override
	public Integer call() throws Exception {
		ExitCodeOnShutdown.install();
		try (var context = SpringContext.start()) {
			return RunOutcomePrinter.print(context,
					context.getBean(PayoutRunOperations.class).rerun(event.event, by.by));
		}
	}

}
