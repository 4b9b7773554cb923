package com.payoutrunner.cli;

import java.util.concurrent.Callable;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;

import com.payoutrunner.connector.file.inbox.BankInbox;

@Command(name = "inbox", mixinStandardHelpOptions = true,
		description = { "Applies the bank's answers waiting in the inbox (payout.bank-files.inbox): pain.002 status "
				+ "reports (accepted, or rejected: the payout goes to the dead-letter queue) and NACHA return files "
				+ "(the payout is marked returned with its R code).",
				"Applied files move to processed/, unreadable ones to rejected/ with an .error.txt.",
				"Exit status: 0 all applied, 1 a file was rejected or an entry matched no payout, 2 error." })
class InboxCommand implements Callable<Integer> {

	BankInbox bankInbox;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(BankInbox bankInbox) {
		this.bankInbox = bankInbox;
	}

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start(this)) {
			BankInbox inbox = bankInbox;
			var results = inbox.processAll();
			if (results.isEmpty()) {
				System.out.println("inbox " + inbox.directory() + ": no files waiting");
			}
			for (var result : results) {
				if (result.error() != null) {
					System.out.println(result.file() + ": rejected, nothing applied: " + result.error() + " (see "
							+ inbox.directory().resolve("rejected") + ")");
					continue;
				}
				System.out.println(result.file() + " (" + result.kind() + "): " + result.entries() + " verdict(s), "
						+ result.applied() + " applied, " + result.alreadyApplied() + " already applied, "
						+ result.unmatched().size() + " unmatched");
				for (var unmatched : result.unmatched()) {
					System.out.println("  line " + unmatched.verdict().line() + ": " + unmatched.verdict().reference()
							+ ": " + unmatched.why());
				}
			}
			return results.stream().anyMatch(BankInbox.FileResult::needsAttention) ? PayoutRunnerCli.FAILED
					: PayoutRunnerCli.COMPLETED;
		}
	}

}
