package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.batching.RunSummaryService;

@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Resumes the event's latest run if it FAILED, was STOPPED, or its process was killed.",
				"It continues after the last committed chunk and pays no one twice." })
class RestartCommand implements Callable<Integer> {

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

	@Override
	public Integer call() throws Exception {
		ExitCodeOnShutdown.install();
		try (var context = SpringContext.start(this)) {
			return RunOutcomePrinter.print(runSummaryService, payoutRunOperations.restart(event.event));
		}
	}

}
