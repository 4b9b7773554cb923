package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.PayoutRunOperations;

@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Resumes the event's latest run if it FAILED, was STOPPED, or its process was killed.",
				"It continues after the last committed chunk and pays no one twice." })
class RestartCommand implements Callable<Integer> {

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		ExitCodeOnShutdown.install();
		try (var context = SpringContext.start()) {
			return RunOutcomePrinter.print(context, context.getBean(PayoutRunOperations.class).restart(event.event));
		}
	}

}
