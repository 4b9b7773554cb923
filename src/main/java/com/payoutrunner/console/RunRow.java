package com.payoutrunner.console;

import java.time.LocalDateTime;

/**
 * One line of the runs list. The counts are those of the run's summary, null for jobs
 * other than payout runs (imports, reconciliations), which have none.
 */
public record RunRow(long id, String job, String status, String subject, LocalDateTime startedAt, String duration,
		Long created, Long skipped, Long failed, Long unconfirmed, boolean running) {
}
