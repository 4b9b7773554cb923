package com.payoutrunner.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import com.payoutrunner.payout.PayoutExport;
import com.payoutrunner.payout.PayoutRepository;

@Command(name = "payouts", mixinStandardHelpOptions = true,
		description = "Prints the event's payouts as CSV on stdout (amounts, rail, FX, fee, net, status, skip reason, payment order).")
class PayoutsCommand implements Callable<Integer> {

	PayoutRepository payoutRepository;

	PayoutExport payoutExport;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(PayoutRepository payoutRepository, PayoutExport payoutExport) {
		this.payoutRepository = payoutRepository;
		this.payoutExport = payoutExport;
	}

	@Mixin
	EventOption event;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.startWithoutJobs(this)) {
			if (!payoutRepository.eventExists(event.event)) {
				throw new IllegalArgumentException("no liquidation event " + event.event);
			}
			var out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
			payoutExport.write(event.event, out);
			out.flush();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
