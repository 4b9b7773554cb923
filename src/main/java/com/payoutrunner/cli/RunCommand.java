package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.PayoutRunOperations;

@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Runs the event's payouts: eligibility, fees, rails and FX, batch lines, bank submission.",
				"Already COMPLETED: says so and does nothing. FAILED, STOPPED or killed: resumes it.",
				"Prints progress per step, then the run summary as one line of JSON, last." })
class RunCommand implements Callable<Integer> {

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start()) {
			return RunOutcomePrinter.print(context, context.getBean(PayoutRunOperations.class).run(event.event));
		}
	}

}
