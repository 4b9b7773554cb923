package com.payoutrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve} on its shipped configuration (config/application.yaml: the demo users and
 * the demo key) refuses every address other machines can reach, in-process, before it
 * opens the port or the database: exit 2 and one line naming what is public.
 */
class ServeCommandTests {

	@ParameterizedTest(name = "serve --address {0}")
	@ValueSource(strings = { "0.0.0.0", "::", "192.0.2.10" })
	void refusesToServeDemoCredentialsBeyondLoopback(String address) {
		Result result = serve(Map.of(), "--address", address, "--port", "0");

		assertThat(result.exitCode()).isEqualTo(PayoutRunnerCli.USAGE);
		assertThat(result.stderr().lines().filter(line -> line.startsWith("payout-runner:")).toList()).singleElement()
			.asString()
			.contains("refusing to serve on " + address, "the demo user(s) viewer, operator, approver, admin",
					"the demo encryption key (payout.encryption.key");
	}

	@Test
	void theAddressFallsBackToServerAddress() {
		Result result = serve(Map.of("server.address", "0.0.0.0"), "--port", "0");

		assertThat(result.exitCode()).isEqualTo(PayoutRunnerCli.USAGE);
		assertThat(result.stderr()).contains("refusing to serve on 0.0.0.0 port 0");
	}

	@Test
	void thePortFallsBackToServerPortAndTheOptionWins() {
		assertThat(serve(Map.of("server.port", "9123"), "--address", "0.0.0.0").stderr())
			.contains("refusing to serve on 0.0.0.0 port 9123");
		assertThat(serve(Map.of("server.port", "9123"), "--address", "0.0.0.0", "--port", "9124").stderr())
			.contains("refusing to serve on 0.0.0.0 port 9124");
		assertThat(serve(Map.of(), "--address", "0.0.0.0").stderr()).contains("refusing to serve on 0.0.0.0 port 8080");
	}

	@Test
	void addressAndPortAreArgumentsOnlyWhenGiven() {
		ServeCommand serve = new ServeCommand();
		assertThat(serve.springArguments()).containsExactly("--spring.main.web-application-type=servlet");

		serve.port = 9000;
		serve.address = "10.0.0.1";
		assertThat(serve.springArguments()).containsExactly("--spring.main.web-application-type=servlet",
				"--server.port=9000", "--server.address=10.0.0.1");
	}

	private record Result(int exitCode, String stderr) {
	}

	/** Runs serve with these system properties (as SERVER_PORT... would give them). */
	private static synchronized Result serve(Map<String, String> properties, String... options) {
		PrintStream err = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		properties.forEach(System::setProperty);
		try {
			System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
			String[] args = new String[options.length + 1];
			args[0] = "serve";
			System.arraycopy(options, 0, args, 1, options.length);
			int exitCode = PayoutRunnerCli.execute(args);
			return new Result(exitCode, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setErr(err);
			properties.keySet().forEach(System::clearProperty);
		}
	}

}
