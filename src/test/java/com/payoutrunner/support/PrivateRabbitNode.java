package com.payoutrunner.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * A RabbitMQ node of the test's own, on free ports with its data in {@code target/}, for
 * tests that restart the broker: the machine's broker (127.0.0.1:5672) is shared and is
 * never restarted by a test. Started from the OS package's scripts
 * ({@code /usr/lib/rabbitmq/bin}, which {@code .ci/run} installs when absent); the node
 * keeps its queues on disk across {@link #restart()}, as a production broker does.
 */
public final class PrivateRabbitNode implements AutoCloseable {

	private static final Path SCRIPTS = Path.of("/usr/lib/rabbitmq/bin");

	private static final Duration START_PATIENCE = Duration.ofSeconds(90);

	private final Path home;

	private final String nodeName;

	private final int port;

	private final int distributionPort;

	private Process process;

	private PrivateRabbitNode(Path home, String nodeName, int port, int distributionPort) {
		this.home = home;
		this.nodeName = nodeName;
		this.port = port;
		this.distributionPort = distributionPort;
	}

	public static PrivateRabbitNode start() throws IOException, InterruptedException {
		if (!Files.isExecutable(SCRIPTS.resolve("rabbitmq-server"))) {
			throw new IllegalStateException("no RabbitMQ server scripts in " + SCRIPTS
					+ ": install the OS package rabbitmq-server (.ci/run does)");
		}
		String id = UUID.randomUUID().toString().substring(0, 8);
		Path home = Files.createDirectories(Path.of("target/rabbitmq-nodes", id).toAbsolutePath());
		Files.writeString(home.resolve("enabled_plugins"), "[].");
		PrivateRabbitNode node = new PrivateRabbitNode(home, "payouts-test-" + id + "@localhost", FreePorts.next(),
				FreePorts.next());
		node.launch();
		return node;
	}

	public int port() {
		return port;
	}

	/** Stops the node (SIGTERM: RabbitMQ shuts down in order) and starts it again. */
	public void restart() throws IOException, InterruptedException {
		stop();
		launch();
	}

	/** Starts the node again after {@link #stop()}, with the queues it had. */
	public void startAgain() throws IOException, InterruptedException {
		launch();
	}

	/** Ready (not yet delivered) messages on a queue, as the broker counts them. */
	public long readyMessages(String queue) throws Exception {
		try (Connection connection = connect(); Channel channel = connection.createChannel()) {
			return channel.messageCount(queue);
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

	private void launch() throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(SCRIPTS.resolve("rabbitmq-server").toString())
			.directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.out").toFile()));
		Map<String, String> env = builder.environment();
		// HOME holds the node's Erlang cookie; empty config paths keep the machine's
		// broker configuration out.
		env.putAll(Map.of("HOME", home.toString(), "RABBITMQ_NODENAME", nodeName, "RABBITMQ_NODE_PORT",
				String.valueOf(port), "RABBITMQ_DIST_PORT", String.valueOf(distributionPort), "RABBITMQ_MNESIA_BASE",
				home.resolve("mnesia").toString(), "RABBITMQ_LOG_BASE", home.resolve("log").toString(),
				"RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString(), "RABBITMQ_CONFIG_FILE",
				home.resolve("none").toString(), "RABBITMQ_ADVANCED_CONFIG_FILE",
				home.resolve("none-advanced.config").toString()));
		env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("none-env").toString());
		process = builder.start();
		Process started = process;
		// A test JVM that dies before close() must not leave the node running.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			started.children().forEach(ProcessHandle::destroyForcibly);
			started.destroyForcibly();
		}, "private-rabbit-node-cleanup"));
		awaitLogins();
	}

	private void awaitLogins() throws InterruptedException {
		Instant deadline = Instant.now().plus(START_PATIENCE);
		Exception last = null;
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("RabbitMQ node " + nodeName + " exited; see " + home);
			}
			try (Connection connection = connect()) {
				return;
			}
			catch (Exception notYet) {
				last = notYet;
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("RabbitMQ node " + nodeName + " took no logins within " + START_PATIENCE
				+ "; see " + home + " (" + last + ")");
	}

	private Connection connect() throws Exception {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost("127.0.0.1");
		factory.setPort(port);
		factory.setConnectionTimeout(2_000);
		return factory.newConnection();
	}

	/** SIGTERM: RabbitMQ closes its connections and shuts down in order. */
	public void stop() throws InterruptedException {
		if (process == null) {
			return;
		}
		// The script waits on the Erlang VM, its child: the VM is the one to stop (its
		// own children go with it).
		process.children().forEach(ProcessHandle::destroy);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.waitFor();
		}
		process = null;
	}

}
