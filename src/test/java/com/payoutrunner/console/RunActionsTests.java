package com.payoutrunner.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import com.payoutrunner.batching.PayoutRunJobParameters;

class RunActionsTests {

	@Test
	void anOperatorGetsTheButtonsTheRunsStateAdmitsAndOthersNone() {
		RunRow stopped = run("STOPPED", false);
		assertThat(RunActions.allowed(stopped, true)).isEqualTo(new RunActions(false, true, true));
		assertThat(RunActions.allowed(stopped, false).any()).isFalse();
		assertThat(RunActions.allowed(run("STARTED", true), true)).isEqualTo(new RunActions(true, false, false));
		assertThat(RunActions.allowed(run("COMPLETED", false), true).any()).isFalse();
	}

	@Test
	void theSkipChartHasOneBarPerCategoryTheLargestAsWideAsThePlot() {
		var chart = SkipChart.of("Skips", new java.util.LinkedHashMap<>(java.util.Map.of("a", 4L)));
		assertThat(chart.bars()).singleElement().satisfies(bar -> {
			assertThat(bar.count()).isEqualTo(4);
			assertThat(bar.barWidth()).isEqualTo(SkipChart.PLOT_WIDTH);
		});
		assertThat(chart.description()).isEqualTo("a: 4.");
	}

	private static RunRow run(String status, boolean running) {
		return new RunRow(1, PayoutRunJobParameters.JOB_NAME, status, "event", null, "", 0L, 0L, 0L, 0L, running);
	}

}
