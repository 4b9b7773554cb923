package com.payoutrunner.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.RunHistory;
import com.payoutrunner.report.SkipReportCsv;

@Command(name = "skips", mixinStandardHelpOptions = true,
		description = "Prints the skip report (CSV) of the event's latest run on stdout.")
class SkipsCommand implements Callable<Integer> {

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start()) {
			var runs = context.getBean(RunHistory.class).runsOf(event.event);
			if (runs.isEmpty()) {
				throw new IllegalArgumentException(
						"event " + event.event + " has no run yet: use run --event " + event.event);
			}
			var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			context.getBean(SkipReportCsv.class).write(runs.get(runs.size() - 1).jobInstanceId(), out);
			out.flush();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
