package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;

import com.payoutrunner.requests.HoldExpiry;

@Command(name = "expire-holds", mixinStandardHelpOptions = true,
		description = { "Ends the holds past their expiry time now, as serve does every 30 s: a payout not yet with "
				+ "a bank is cancelled ('hold expired') and its hold expires; a sent one keeps its hold." })
class ExpireHoldsCommand implements Callable<Integer> {

	HoldExpiry holdExpiry;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(HoldExpiry holdExpiry) {
		this.holdExpiry = holdExpiry;
	}

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start(this)) {
			var swept = holdExpiry.sweep();
			System.out.println("payouts cancelled: " + swept.cancelled() + "; holds of ended payouts expired: "
					+ swept.holdOnly() + "; kept (sent): " + swept.kept());
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
