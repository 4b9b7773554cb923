package com.payoutrunner.api;

import java.time.LocalDateTime;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One step's progress: counts as Spring Batch keeps them, and the rate so far. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record StepView(String name, String status, long read, long written, long filtered, long skipped, long commits,
		long rollbacks, LocalDateTime startedAt, LocalDateTime endedAt, Double itemsPerSecond) {
}
