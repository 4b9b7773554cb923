package com.payoutrunner.batching;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * One slot of a schedule to run: identified by schedule and slot; what it picks up
 * (priorities, currencies) and its business date are not part of its identity, so that a
 * changed schedule does not make an already-run slot run again.
 */
public record ScheduledRun(String schedule, String slot, List<String> priorities, List<String> currencies,
		LocalDate businessDate) {

	public ScheduledRun {
		priorities = List.copyOf(priorities);
		currencies = List.copyOf(currencies);
		// Validates the filters before anything is launched.
		new RunSelection(null, priorities, currencies);
	}

	JobParameters jobParameters() {
		JobParametersBuilder builder = new JobParametersBuilder().addString(PayoutRunJobParameters.SCHEDULE, schedule)
			.addString(PayoutRunJobParameters.SLOT, slot)
			.addLocalDate(PayoutRunJobParameters.BUSINESS_DATE, businessDate, false);
		if (!priorities.isEmpty()) {
			builder.addString(PayoutRunJobParameters.PRIORITIES, String.join(",", priorities), false);
		}
		if (!currencies.isEmpty()) {
			builder.addString(PayoutRunJobParameters.CURRENCIES, String.join(",", currencies), false);
		}
		return builder.toJobParameters();
	}

}
