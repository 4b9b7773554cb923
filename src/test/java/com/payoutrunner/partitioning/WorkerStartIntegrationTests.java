package com.payoutrunner.partitioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import com.payoutrunner.support.FreePorts;
import com.payoutrunner.support.PostgresIntegrationTest;
import com.payoutrunner.support.RunnerProcess;
import com.payoutrunner.support.TcpForwarder;

/**
 * A worker started before its database (a cluster coming up, a database restart) says it
 * cannot reach it and tries again, rather than exit in a loop of crashes; once the
 * database answers, it starts and listens for partitions.
 */
@Tag("process")
class WorkerStartIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	Environment environment;

	@Autowired
	AmqpAdmin amqp;

	@Test
	void aWorkerWaitsForItsDatabaseAndSaysSo() throws Exception {
		String url = environment.getProperty("spring.datasource.url");
		URI database = URI.create(url.substring("jdbc:".length()));
		int port = FreePorts.next();
		String queuePrefix = "payout-runner-start-" + System.nanoTime();
		String laterUrl = url.replace(database.getHost() + ":" + database.getPort(), "127.0.0.1:" + port);
		RunnerProcess worker = RunnerProcess.start(laterUrl, "http://127.0.0.1:1", 10,
				List.of("payout.partitioning.queue-prefix=" + queuePrefix), "worker", "--name", "worker-s");
		try {
			worker.awaitOutput("payout-runner worker: cannot reach the database");
			assertThat(worker.isAlive()).as("still trying").isTrue();

			try (TcpForwarder databaseComesUp = TcpForwarder.open(port, database.getHost(), database.getPort())) {
				worker.awaitOutput("payout-runner worker worker-s listening for partitions");
				assertThat(worker.stderr()).contains("trying again in 5 s");
			}
		}
		finally {
			worker.kill();
			amqp.deleteQueue(queuePrefix + ".partition-requests");
		}
	}

}
