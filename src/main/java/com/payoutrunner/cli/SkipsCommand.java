package com.payoutrunner.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.batching.RunHistory;
import com.payoutrunner.report.SkipReportCsv;

@Command(name = "skips", mixinStandardHelpOptions = true,
		description = "Prints the skip report (CSV) of the event's latest run on stdout.")
class SkipsCommand implements Callable<Integer> {

	RunHistory runHistory;

	SkipReportCsv skipReportCsv;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(RunHistory runHistory, SkipReportCsv skipReportCsv) {
		this.runHistory = runHistory;
		this.skipReportCsv = skipReportCsv;
	}

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.startWithoutJobs(this)) {
			var runs = runHistory.runsOf(event.event);
			if (runs.isEmpty()) {
				throw new IllegalArgumentException(
						"event " + event.event + " has no run yet: use run --event " + event.event);
			}
			var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			skipReportCsv.write(runs.get(runs.size() - 1).jobInstanceId(), out);
			out.flush();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
