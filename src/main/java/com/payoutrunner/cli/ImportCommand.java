package com.payoutrunner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import com.payoutrunner.intake.ImportSummaryService;
import com.payoutrunner.intake.PayoutImportOperations;

@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Imports a liquidation event's payouts from a CSV file (see jobs/README.md).",
				"Bad rows are reported in import-errors.csv and the rest still load; the same file twice adds nothing.",
				"Prints the import summary as one line of JSON, last." })
class ImportCommand implements Callable<Integer> {

	PayoutImportOperations payoutImportOperations;

	ImportSummaryService importSummaryService;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(PayoutImportOperations payoutImportOperations, ImportSummaryService importSummaryService) {
		this.payoutImportOperations = payoutImportOperations;
		this.importSummaryService = importSummaryService;
	}

	@Mixin
	EventOption event;

	@Option(names = "--file", required = true, paramLabel = "CSV", description = "the CSV file to import")
	Path file;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start(this)) {
			var result = payoutImportOperations.importFile(event.event, file);
			var summaries = importSummaryService;
			var summary = summaries.summarize(result.execution());
			if (result.alreadyImported()) {
				System.err.println("payout-runner: this file's content was already imported into " + event.event
						+ " (execution " + result.execution().getId() + "): nothing to do");
			}
			else if (summary.rejected() > 0) {
				System.err.println(
						"payout-runner: " + summary.rejected() + " row(s) rejected, see " + summary.importReport());
			}
			System.out.println(summaries.toJson(summary));
			if (result.execution().getStatus() != BatchStatus.COMPLETED) {
				System.err
					.println("payout-runner: import " + result.execution().getStatus() + ": " + summary.failure());
				return PayoutRunnerCli.FAILED;
			}
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
