package com.payoutrunner.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.sandboxbank.SandboxBankFaults;
import com.payoutrunner.sandboxbank.SandboxBankServer;
import com.payoutrunner.sandboxbank.SandboxBankStore;

@Command(name = "sandbox-bank", mixinStandardHelpOptions = true,
		description = { "Runs the sandbox bank as its own process until stopped (Ctrl-C).",
				"Point runners at it with PAYOUT_BANK_URL=http://127.0.0.1:PORT." })
class SandboxBankCommand implements Callable<Integer> {

	SandboxBankStore sandboxBankStore;

	JsonMapper jsonMapper;

	/** The services it uses, from the context it starts (picocli made the command). */
	@Autowired
	void use(SandboxBankStore sandboxBankStore, JsonMapper jsonMapper) {
		this.sandboxBankStore = sandboxBankStore;
		this.jsonMapper = jsonMapper;
	}

	@Option(names = "--port", defaultValue = "8089", description = "port to listen on (default ${DEFAULT-VALUE})")
	int port;

	@Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
	String host;

	@Option(names = "--fault-rate", defaultValue = "0",
			description = "share of bulk requests that meet an injected fault: 429, 502, 503, 504, slow, answer lost (default ${DEFAULT-VALUE})")
	double faultRate;

	@Option(names = "--seed", defaultValue = "42",
			description = "seed of the fault sequence (default ${DEFAULT-VALUE})")
	long seed;

	@Option(names = "--slow-ms", defaultValue = "35000",
			description = "how long a slow answer takes, in ms (default ${DEFAULT-VALUE}: past the runner's 30 s timeout)")
	long slowMillis;

	@Option(names = "--reject-accounts", split = ",", paramLabel = "ACCOUNT",
			description = "external account ids, IBANs or account numbers refused for good (404 account_not_found)")
	java.util.List<String> rejectedAccounts = java.util.List.of();

	@Option(names = "--unknown-accounts", split = ",", paramLabel = "ID",
			description = "external account ids the bank does not hold (404 account_not_found); any other well-formed id is known")
	java.util.List<String> unknownAccounts = java.util.List.of();

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start(this);
				var bank = new SandboxBankServer(sandboxBankStore, jsonMapper, host, port,
						new SandboxBankFaults(seed, faultRate, java.time.Duration.ofSeconds(1),
								java.time.Duration.ofMillis(slowMillis), java.util.Set.copyOf(rejectedAccounts),
								java.util.Set.copyOf(unknownAccounts)))
					.start()) {
			System.out.println("sandbox bank listening on " + bank.url());
			System.out.flush();
			new CountDownLatch(1).await();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
