package com.payoutrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.support.CliConsole;
import com.payoutrunner.support.PostgresIntegrationTest;

/** {@code bench} ends with one line of JSON that compares runs by machine. */
class BenchCommandIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	CliConsole console;

	@Test
	void printsItsTableThenOneLineOfJson() {
		console.capture();
		// bench turns the run ceiling off for its own event: given back after the test
		console.set("payout.approvals.run-ceiling", "none");

		assertThat(PayoutRunnerCli.execute("bench", "--payouts", "300")).as(() -> console.err()).isZero();

		assertThat(console.out()).contains("step", "payouts/s", "peak heap:");
		JsonNode line = JsonMapper.builder().build().readTree(console.lastLine());
		assertThat(line.get("bench").asString()).startsWith("BENCH-");
		assertThat(line.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(line.get("payouts").asInt()).isEqualTo(300);
		assertThat(line.get("chunk_size").asInt()).isPositive();
		assertThat(line.get("java").asString()).isEqualTo(Runtime.version().toString());
		assertThat(line.get("wall_seconds").asDouble()).isPositive();
		assertThat(line.get("peak_heap_used_mb").asLong()).isPositive()
			.isLessThanOrEqualTo(line.get("max_heap_mb").asLong());
		assertThat(line.get("peak_heap_mb").asLong()).isLessThanOrEqualTo(line.get("peak_heap_used_mb").asLong());
		JsonNode steps = line.get("steps");
		assertThat(steps.propertyNames()).contains("loadPayoutsStep", "buildBatchLinesStep", "submitBatchLinesStep");
		assertThat(steps.get("loadPayoutsStep").get("items").asLong()).isEqualTo(300);
		assertThat(steps.get("buildBatchLinesStep").get("items").asLong()).isEqualTo(300);
		assertThat(steps.get("buildBatchLinesStep").get("seconds").asDouble()).isPositive();
		assertThat(steps.get("buildBatchLinesStep").get("per_second").asLong()).isPositive();
	}

}
