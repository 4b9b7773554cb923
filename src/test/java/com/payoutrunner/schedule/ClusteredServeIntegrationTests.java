package com.payoutrunner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.RunnerProcess;
import com.payoutrunner.support.ScheduledRunsIntegrationTest;
import com.payoutrunner.support.TestEvents;

/**
 * Two {@code serve} processes on one database, sharing a schedule that fires every five
 * seconds: every slot runs exactly once, and when one instance is killed (SIGKILL) the
 * other keeps the schedule running.
 */
// Child JVMs killed and restarted: the integration phase of verify (Failsafe), not ./mvnw
// test.
@Tag("process")
class ClusteredServeIntegrationTests extends ScheduledRunsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@TempDir
	Path dir;

	@Test
	void everySlotRunsOnceAcrossTwoInstancesAndTheSurvivorCarriesOn() throws Exception {
		String schedule = TestEvents.unique("cluster").toLowerCase();
		Path schedules = dir.resolve("schedules.yaml");
		Files.writeString(schedules, """
				schedules:
				  - name: %s
				    job: payoutRunJob
				    trigger: asap
				    interval: 5s
				    zone: UTC
				    misfire: skip
				    parameters:
				      priorities: instant
				""".formatted(schedule));
		String url = environment.getProperty("spring.datasource.url");
		List<String> settings = List.of("payout.schedules-file=" + schedules,
				"payout.reports-dir=" + environment.getProperty("payout.reports-dir"),
				"spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000");
		RunnerProcess first = RunnerProcess.start(url, "", 50, settings, "serve", "--port", freePort());
		RunnerProcess second = RunnerProcess.start(url, "", 50, settings, "serve", "--port", freePort());
		try {
			awaitSlots(schedule, 5, Duration.ofSeconds(90));
			Map<String, Long> beforeKill = instancesPerSlot(schedule);

			first.kill();
			long slotsAtKill = beforeKill.size();
			awaitSlots(schedule, (int) slotsAtKill + 4, Duration.ofSeconds(60));

			Map<String, Long> all = instancesPerSlot(schedule);
			assertThat(all).as("job instances per slot")
				.allSatisfy((slot, instances) -> assertThat(instances).as("slot %s", slot).isEqualTo(1));
			assertThat(all.size()).isGreaterThanOrEqualTo((int) slotsAtKill + 4);
			// A slot cut short by the kill is marked FAILED and resumed by the survivor:
			// what
			// counts is that every slot's last execution completed (the newest may still
			// run).
			assertThat(jdbc.sql("""
					SELECT count(*) FROM (
					  SELECT DISTINCT ON (e.job_instance_id) e.status FROM batch_job_execution e
					  JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id
					  WHERE p.parameter_name = 'schedule' AND p.parameter_value = :schedule
					  ORDER BY e.job_instance_id, e.job_execution_id DESC) last
					WHERE last.status NOT IN ('COMPLETED', 'STARTED', 'STARTING')""")
				.param("schedule", schedule)
				.query(Long.class)
				.single()).as("slots whose last execution did not complete").isZero();
		}
		finally {
			first.kill();
			second.kill();
		}
	}

	private void awaitSlots(String schedule, int slots, Duration patience) throws InterruptedException {
		Instant deadline = Instant.now().plus(patience);
		while (instancesPerSlot(schedule).size() < slots) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("fewer than " + slots + " slots of " + schedule + " ran within " + patience
						+ ": " + instancesPerSlot(schedule));
			}
			Thread.sleep(500);
		}
	}

	private Map<String, Long> instancesPerSlot(String schedule) {
		Map<String, Long> slots = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT slot.parameter_value AS slot, count(DISTINCT e.job_instance_id) AS instances
				FROM batch_job_execution e
				JOIN batch_job_execution_params s ON s.job_execution_id = e.job_execution_id
				     AND s.parameter_name = 'schedule' AND s.parameter_value = :schedule
				JOIN batch_job_execution_params slot ON slot.job_execution_id = e.job_execution_id
				     AND slot.parameter_name = 'slot'
				GROUP BY slot.parameter_value""").param("schedule", schedule).query(rs -> {
			slots.put(rs.getString("slot"), rs.getLong("instances"));
		});
		return slots;
	}

	private static String freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return Integer.toString(socket.getLocalPort());
		}
	}

}
