package com.payoutrunner.api;

import java.time.LocalDateTime;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A job execution as the API shows it: {@code id} is the execution id (what
 * /api/runs/{id} takes), {@code run_id} the job instance it belongs to.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunView(long id, long runId, String job, String status, String exitCode, String event, Long rerun,
		String schedule, String slot, LocalDateTime createdAt, LocalDateTime startedAt, LocalDateTime endedAt,
		Links links) {

	@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
	public record Links(String self, String skips) {
	}

}
