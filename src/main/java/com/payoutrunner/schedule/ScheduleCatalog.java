package com.payoutrunner.schedule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
	public static final Set<String> SCHEDULABLE_JOBS = Set.of("payoutRunJob");

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
		List<ScheduleDefinition> definitions = SchedulesFile.read(file, SCHEDULABLE_JOBS, calendars.names());
		List<String> problems = new ArrayList<>();
		for (ScheduleDefinition definition : definitions) {
			String where = file + ": schedule '" + definition.name() + "': ";
			for (String parameter : definition.parameters().keySet()) {
				if (!PayoutRunJobParameters.SCHEDULE_FILTERS.contains(parameter)) {
					problems.add(where + "unknown parameter '" + parameter + "' for " + definition.job() + " (known: "
							+ new TreeSet<>(PayoutRunJobParameters.SCHEDULE_FILTERS) + ")");
				}
			}
			try {
				ScheduledRun.of(definition.name(), "check", definition.parameters(), LocalDate.EPOCH);
			}
			catch (IllegalArgumentException ex) {
				problems.add(where + ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new SchedulesFileException(problems);
		}
		return new ScheduleCatalog(file, definitions);
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
