package com.payoutrunner.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.core.CsvOutput;
import com.payoutrunner.core.Money;
import com.payoutrunner.payout.DeadLetterQueue;

@Command(name = "dlq", mixinStandardHelpOptions = true,
		description = "Lists the payouts in the dead-letter queue (CSV on stdout), with their last error.")
class DlqCommand implements Callable<Integer> {

	DeadLetterQueue deadLetterQueue;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(DeadLetterQueue deadLetterQueue) {
		this.deadLetterQueue = deadLetterQueue;
	}

	@Option(names = "--event", paramLabel = "EVENT", description = "only this liquidation event's")
	String event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.startWithoutJobs(this)) {
			var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			CsvOutput csv = CsvOutput.withHeader(out, "payout_id", "event", "investor_id", "amount", "currency",
					"failed_attempts", "last_error", "since");
			for (var entry : deadLetterQueue.list(event)) {
				csv.row(entry.id(), entry.liquidationEventId(), entry.investorId(),
						entry.amountMinor() == null ? null
								: Money.ofMinor(entry.amountMinor(), entry.currency()).toDecimal().toPlainString(),
						entry.currency(), entry.failedAttempts(), entry.lastError(), entry.updatedAt());
			}
			csv.finish();
			out.flush();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
