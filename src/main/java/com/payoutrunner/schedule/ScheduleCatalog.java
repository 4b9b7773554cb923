package com.payoutrunner.schedule;

import com.payoutrunner.calendar.BusinessCalendars;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.payoutrunner.batching.PayoutRunJobParameters;
import com.payoutrunner.batching.ScheduledRun;

/**
 * The schedules of jobs/schedules.yaml, read and checked once: the file's own rules
 * ({@link SchedulesFile}), then what each job accepts as parameters. Any problem stops
 * start-up with all of them listed.
 */
public class ScheduleCatalog {

	/** The batch jobs a schedule may launch. */
	public static final Set<String> SCHEDULABLE_JOBS = Set.of(PayoutRunJobParameters.JOB_NAME);

	private final Path file;

	private final Map<String, ScheduleDefinition> schedules = new LinkedHashMap<>();

	protected ScheduleCatalog(Path file, List<ScheduleDefinition> definitions) {
		this.file = file;
		definitions.forEach(definition -> schedules.put(definition.name(), definition));
	}

	/**
	 * @throws SchedulesFileException listing every problem, each naming the file and the
	 * schedule
	 */
	public static ScheduleCatalog load(Path file, BusinessCalendars calendars) {
		return new ScheduleCatalog(file,
				SchedulesFile.read(file, SCHEDULABLE_JOBS, calendars.names(), new PayoutRunParameterRules()));
	}

	/** What payoutRunJob accepts from a schedule: its filters, each with valid values. */
	private static final class PayoutRunParameterRules implements SchedulesFile.JobParameterRules {

		@Override
		public Optional<String> unknownName(String job, String name) {
			if (PayoutRunJobParameters.SCHEDULE_FILTERS.contains(name)) {
				return Optional.empty();
			}
			return Optional.of("unknown parameter '" + name + "' for " + job + " (known: "
					+ new TreeSet<>(PayoutRunJobParameters.SCHEDULE_FILTERS) + ")");
		}

		@Override
		public Optional<String> badValue(String job, String name, String value) {
			try {
				ScheduledRun.of("check", "check", Map.of(name, value), LocalDate.EPOCH);
				return Optional.empty();
			}
			catch (IllegalArgumentException ex) {
				return Optional.of(ex.getMessage());
			}
		}

	}

	public Path file() {
		return file;
	}

	public List<ScheduleDefinition> all() {
		return List.copyOf(schedules.values());
	}

	public Optional<ScheduleDefinition> find(String name) {
		return Optional.ofNullable(schedules.get(name));
	}

}
