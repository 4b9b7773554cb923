package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import com.payoutrunner.payout.DeadLetterQueue;

/** The operator's actions on one payout of the dead-letter queue. */
final class PayoutActionCommand {

	private PayoutActionCommand() {
	}

	abstract static class Base implements Callable<Integer> {

		DeadLetterQueue deadLetterQueue;

		/**
		 * The services it uses, from the context it starts (picocli made the command).
		 */
		@Autowired
		void use(DeadLetterQueue deadLetterQueue) {
			this.deadLetterQueue = deadLetterQueue;
		}

		@Option(names = "--payout", required = true, paramLabel = "ID", description = "payout id (see dlq)")
		long payout;

		@Option(names = "--by", paramLabel = "NAME", description = "who acts, for the audit trail (default: $USER)")
		String operator = System.getProperty("user.name", "unknown");

		@Override
		public Integer call() throws Exception {
			try (var context = SpringContext.startWithoutJobs(this)) {
				String done = act(deadLetterQueue);
				System.err.println("payout-runner: " + done);
				return PayoutRunnerCli.COMPLETED;
			}
		}

		abstract String act(DeadLetterQueue queue);

	}

	@Command(name = "retry", mixinStandardHelpOptions = true,
			description = "Puts a dead-lettered payout back: the next run of its event pays it (attempts start again).")
	static class Retry extends Base {

		@Override
		String act(DeadLetterQueue queue) {
			queue.retry(payout, operator);
			return "payout " + payout + " is pending again; the next run (or rerun) of its event pays it";
		}

	}

	@Command(name = "cancel", mixinStandardHelpOptions = true,
			description = "Gives up on a dead-lettered or pending payout: it will not be paid.")
	static class Cancel extends Base {

		@Override
		String act(DeadLetterQueue queue) {
			queue.cancel(payout, operator);
			return "payout " + payout + " is cancelled";
		}

	}

}
