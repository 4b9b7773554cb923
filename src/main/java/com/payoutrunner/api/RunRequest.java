package com.payoutrunner.api;

import java.time.LocalDate;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/runs}: a liquidation event's run (or, with {@code rerun}, a new run of
 * it), or a schedule's current slot; with {@code dry_run}, a preview of the event's run
 * that changes nothing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunRequest(String liquidationEventId, String schedule, Boolean rerun, Boolean dryRun, LocalDate businessDate) {

	void validate() {
		boolean event = liquidationEventId != null && !liquidationEventId.isBlank();
		boolean slot = schedule != null && !schedule.isBlank();
		if (event == slot) {
			throw new IllegalArgumentException("give either liquidation_event_id or schedule");
		}
		if (slot && (Boolean.TRUE.equals(rerun) || Boolean.TRUE.equals(dryRun))) {
			throw new IllegalArgumentException("rerun and dry_run apply to a liquidation event's run, not a schedule");
		}
	}

}
