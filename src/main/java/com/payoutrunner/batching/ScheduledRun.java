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
		List<String> originModules, LocalDate businessDate) {

	public ScheduledRun {
		priorities = List.copyOf(priorities);
		currencies = List.copyOf(currencies);
		originModules = List.copyOf(originModules);
		// Validates the filters before anything is launched.
		new RunSelection(null, priorities, currencies, originModules);
	}

	/** A slot with the filters of a schedule's parameters (comma-separated values). */
	public static ScheduledRun of(String schedule, String slot, java.util.Map<String, String> parameters,
			LocalDate businessDate) {
		return new ScheduledRun(schedule, slot, RunSelection.list(parameters.get(PayoutRunJobParameters.PRIORITIES)),
				RunSelection.list(parameters.get(PayoutRunJobParameters.CURRENCIES)),
				RunSelection.list(parameters.get(PayoutRunJobParameters.ORIGIN_MODULES)), businessDate);
	}

	/** The slot an execution of a scheduled run was launched for. */
	public static ScheduledRun fromJobParameters(JobParameters parameters) {
		RunSelection selection = RunSelection.fromJobParameters(parameters);
		return new ScheduledRun(parameters.getString(PayoutRunJobParameters.SCHEDULE),
				parameters.getString(PayoutRunJobParameters.SLOT), selection.priorities(), selection.currencies(),
				selection.originModules(), parameters.getLocalDate(PayoutRunJobParameters.BUSINESS_DATE));
	}

	JobParameters jobParameters(java.time.Instant dueBy) {
		JobParametersBuilder builder = new JobParametersBuilder().addString(PayoutRunJobParameters.SCHEDULE, schedule)
			.addString(PayoutRunJobParameters.SLOT, slot)
			.addLocalDate(PayoutRunJobParameters.BUSINESS_DATE, businessDate, false)
			.addString(PayoutRunJobParameters.DUE_BY, dueBy.toString(), false);
		if (!priorities.isEmpty()) {
			builder.addString(PayoutRunJobParameters.PRIORITIES, String.join(",", priorities), false);
		}
		if (!currencies.isEmpty()) {
			builder.addString(PayoutRunJobParameters.CURRENCIES, String.join(",", currencies), false);
		}
		if (!originModules.isEmpty()) {
			builder.addString(PayoutRunJobParameters.ORIGIN_MODULES, String.join(",", originModules), false);
		}
		return builder.toJobParameters();
	}

}
