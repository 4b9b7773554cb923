package com.payoutrunner.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.connector.sandbox.SandboxBankServer;
import com.payoutrunner.connector.sandbox.SandboxBankStore;

@Command(name = "sandbox-bank", mixinStandardHelpOptions = true,
		description = { "Runs the sandbox bank as its own process until stopped (Ctrl-C).",
				"Point runners at it with PAYOUT_BANK_URL=http://127.0.0.1:PORT." })
class SandboxBankCommand implements Callable<Integer> {

	@Option(names = "--port", defaultValue = "8089", description = "port to listen on (default ${DEFAULT-VALUE})")
	int port;

	@Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default ${DEFAULT-VALUE})")
	String host;

	@Override
	public Integer call() throws Exception {
		try (var context = SpringContext.start();
				var bank = new SandboxBankServer(context.getBean(SandboxBankStore.class),
						context.getBean(JsonMapper.class), host, port)
					.start()) {
			System.out.println("sandbox bank listening on " + bank.url());
			System.out.flush();
			new CountDownLatch(1).await();
			return PayoutRunnerCli.COMPLETED;
		}
	}

}
