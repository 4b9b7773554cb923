package com.payoutrunner.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads jobs/schedules.yaml (format: jobs/README.md, "Schedules") into schedule
 * definitions, checking everything that can be checked without running them: the YAML is
 * read as nodes (never as objects), so that every problem names its line, and all
 * problems are reported at once.
 */
final class SchedulesFile {

	private static final String SCHEDULES = "schedules";

	private static final List<String> COMMON_KEYS = List.of("name", "job", "trigger", "zone", "calendar", "misfire",
			"enabled", "parameters");

	/** The keys each trigger kind takes besides the common ones. */
	private static final Map<String, List<String>> TRIGGER_KEYS = triggerKeys();

	private static final Pattern INTERVAL = Pattern.compile("([1-9][0-9]*)([smh])");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private final String file;

	private final Set<String> knownJobs;

	private final Set<String> knownCalendars;

	private final JobParameterRules parameterRules;

	private final List<Problem> problems = new ArrayList<>();

	/**
	 * What a job accepts as schedule parameters, asked about each parameter so that a
	 * problem names the line of the name or of the value.
	 */
	public interface JobParameterRules {

		/** Accepts every parameter. */
		JobParameterRules ANY = new JobParameterRules() {
		};

		/**
		 * @return why no schedule of this job may have a parameter of this name
		 */
		default Optional<String> unknownName(String job, String name) {
			return Optional.empty();
		}

		/**
		 * @return why this value is not one the job accepts
		 */
		default Optional<String> badValue(String job, String name, String value) {
			return Optional.empty();
		}

	}

	private SchedulesFile(String file, Set<String> knownJobs, Set<String> knownCalendars,
			JobParameterRules parameterRules) {
		this.file = file;
		this.knownJobs = new TreeSet<>(knownJobs);
		this.knownCalendars = new TreeSet<>(knownCalendars);
		this.parameterRules = parameterRules;
	}

	/**
	 * @param knownJobs the batch jobs a schedule may launch
	 * @param knownCalendars the business calendars a schedule may follow
	 * @return the schedules in file order
	 * @throws SchedulesFileException listing every problem found
	 */
	public static List<ScheduleDefinition> read(Path file, Set<String> knownJobs, Set<String> knownCalendars) {
		return read(file, knownJobs, knownCalendars, JobParameterRules.ANY);
	}

	/**
	 * As {@link #read(Path, Set, Set)}, checking each parameter against what its job
	 * accepts.
	 */
	public static List<ScheduleDefinition> read(Path file, Set<String> knownJobs, Set<String> knownCalendars,
			JobParameterRules parameterRules) {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new SchedulesFileException(List.of(file + ": cannot be read (" + ex.getMessage()
					+ "; working directory " + Path.of("").toAbsolutePath() + ")"));
		}
		return parse(file.toString(), new StringReader(content), knownJobs, knownCalendars, parameterRules);
	}

	/** As {@link #read}, from a reader; {@code file} names it in problems. */
	public static List<ScheduleDefinition> parse(String file, Reader yaml, Set<String> knownJobs,
			Set<String> knownCalendars, JobParameterRules parameterRules) {
		SchedulesFile parser = new SchedulesFile(file, knownJobs, knownCalendars, parameterRules);
		List<ScheduleDefinition> schedules = parser.schedules(parser.compose(yaml));
		if (!parser.problems.isEmpty()) {
			throw new SchedulesFileException(parser.problems.stream()
				.sorted(Comparator.comparingInt(Problem::line))
				.map(Problem::message)
				.toList());
		}
		return schedules;
	}

	private Node compose(Reader yaml) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowRecursiveKeys(false);
		options.setMaxAliasesForCollections(20);
		try {
			return new Yaml(new SafeConstructor(options)).compose(yaml);
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			problems.add(new Problem(line, file + " line " + line + ": not valid YAML: " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			problems.add(new Problem(0, file + ": not valid YAML: " + ex.getMessage()));
		}
		return null;
	}

	private List<ScheduleDefinition> schedules(Node root) {
		if (root == null) {
			if (problems.isEmpty()) {
				problems.add(new Problem(0, file + ": is empty; expected a '" + SCHEDULES + ":' list"));
			}
			return List.of();
		}
		ScheduleEntry top = root instanceof MappingNode mapping ? new ScheduleEntry(file, mapping, null, problems)
				: null;
		if (top == null || top.node(SCHEDULES) == null) {
			int line = ScheduleEntry.line(root);
			problems.add(new Problem(line, file + " line " + line + ": expected a '" + SCHEDULES + ":' list"));
			return List.of();
		}
		for (String key : top.keys()) {
			if (!key.equals(SCHEDULES)) {
				top.problem(top.node(key), "unknown key '" + key + "' (expected only '" + SCHEDULES + "')");
			}
		}
		Node list = top.node(SCHEDULES);
		if (list instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
			return List.of();
		}
		if (!(list instanceof SequenceNode sequence)) {
			top.problem(list, "'" + SCHEDULES + "' must be a list of schedules, each starting with '- name:'");
			return List.of();
		}
		List<ScheduleDefinition> schedules = new ArrayList<>();
		Map<String, Integer> lineOfName = new HashMap<>();
		int index = 0;
		for (Node item : sequence.getValue()) {
			index++;
			if (!(item instanceof MappingNode mapping)) {
				int line = ScheduleEntry.line(item);
				problems.add(new Problem(line, file + " line " + line + ": schedule #" + index
						+ ": must be a mapping of keys (name, job, trigger, ...)"));
				continue;
			}
			ScheduleEntry entry = new ScheduleEntry(file, mapping, "schedule #" + index, problems);
			schedule(entry, lineOfName).ifPresent(schedules::add);
		}
		return schedules;
	}

	private Optional<ScheduleDefinition> schedule(ScheduleEntry entry, Map<String, Integer> lineOfName) {
		int problemsBefore = problems.size();
		Optional<String> name = entry.requiredText("name");
		name.ifPresent(text -> entry.label("schedule '" + text + "'"));
		name.ifPresent(text -> checkName(entry, text, lineOfName));
		Optional<String> kind = entry.requiredText("trigger");
		checkKeys(entry, kind);
		Optional<String> job = entry.convert("job", entry.requiredText("job"), this::knownJob);
		Optional<ZoneId> zone = entry.convert("zone", entry.requiredText("zone"), SchedulesFile::zone);
		Optional<ScheduleTrigger> trigger = kind.flatMap(text -> trigger(entry, text));
		Optional<MisfirePolicy> misfire = entry.convert("misfire", entry.text("misfire"), MisfirePolicy::fromCode);
		Optional<String> calendar = entry.convert("calendar", entry.text("calendar"), this::knownCalendar);
		boolean enabled = enabled(entry);
		Map<String, String> parameters = parameters(entry, job);
		if (zone.isPresent() && trigger.isPresent()) {
			trigger.get().timeOfDay().ifPresent(at -> checkTimeExists(entry, at, zone.get()));
		}
		if (problems.size() > problemsBefore) {
			return Optional.empty();
		}
		return Optional.of(new ScheduleDefinition(name.get(), job.get(), trigger.get(), zone.get(),
				misfire.orElse(MisfirePolicy.FIRE_ONCE_NOW), enabled, calendar, parameters));
	}

	private void checkName(ScheduleEntry entry, String name, Map<String, Integer> lineOfName) {
		Node node = entry.node("name");
		if (!ScheduleDefinition.isValidName(name)) {
			entry.problem(node, "name " + ScheduleDefinition.NAME_RULE);
		}
		Integer earlier = lineOfName.putIfAbsent(name, ScheduleEntry.line(node));
		if (earlier != null) {
			entry.problem(node, "name is already used by the schedule on line " + earlier);
		}
	}

	private static void checkTimeExists(ScheduleEntry entry, LocalTime at, ZoneId zone) {
		try {
			ScheduleDefinition.requireTimeExistsEveryDay(at, zone);
		}
		catch (IllegalArgumentException ex) {
			entry.problem(entry.node("at"), ex.getMessage());
		}
	}

	private void checkKeys(ScheduleEntry entry, Optional<String> kind) {
		List<String> kindKeys = kind.map(TRIGGER_KEYS::get).orElse(null);
		for (String key : entry.keys()) {
			boolean triggerKey = TRIGGER_KEYS.values().stream().anyMatch(keys -> keys.contains(key));
			if (!COMMON_KEYS.contains(key) && !triggerKey) {
				List<String> allowed = new ArrayList<>(COMMON_KEYS);
				allowed.addAll(kindKeys == null ? List.of() : kindKeys);
				entry.problem(entry.node(key),
						"unknown key '" + key + "' (expected " + String.join(", ", allowed) + ")");
			}
			else if (triggerKey && kindKeys != null && !kindKeys.contains(key)) {
				entry.problem(entry.node(key), "key '" + key + "' does not go with trigger " + kind.get()
						+ " (which takes " + String.join(", ", kindKeys) + ")");
			}
		}
	}

	private Optional<ScheduleTrigger> trigger(ScheduleEntry entry, String kind) {
		if (!TRIGGER_KEYS.containsKey(kind)) {
			entry.problem(entry.node("trigger"),
					"unknown trigger '" + kind + "' (expected " + String.join(", ", TRIGGER_KEYS.keySet()) + ")");
			return Optional.empty();
		}
		Map<String, Optional<String>> values = new LinkedHashMap<>();
		for (String key : TRIGGER_KEYS.get(kind)) {
			values.put(key, entry.requiredText(key));
		}
		return switch (kind) {
			case "asap" ->
				entry.convert("interval", values.get("interval"), text -> new ScheduleTrigger.Asap(interval(text)));
			case "daily" -> entry.convert("at", values.get("at"), text -> new ScheduleTrigger.Daily(time(text)));
			case "weekly" -> both(entry.convert("day", values.get("day"), SchedulesFile::dayOfWeek),
					entry.convert("at", values.get("at"), SchedulesFile::time), ScheduleTrigger.Weekly::new);
			case "monthly" -> both(entry.convert("day", values.get("day"), SchedulesFile::dayOfMonth),
					entry.convert("at", values.get("at"), SchedulesFile::time), ScheduleTrigger.Monthly::new);
			default -> entry.convert("cron", values.get("cron"), ScheduleTrigger.Cron::new);
		};
	}

	private static <A, B> Optional<ScheduleTrigger> both(Optional<A> a, Optional<B> b,
			BiFunction<A, B, ScheduleTrigger> trigger) {
		return a.isPresent() && b.isPresent() ? Optional.of(trigger.apply(a.get(), b.get())) : Optional.empty();
	}

	private boolean enabled(ScheduleEntry entry) {
		Node node = entry.node("enabled");
		if (node == null) {
			return true;
		}
		// Only true and false: YAML 1.1 would also read yes, no, on and off.
		if (node instanceof ScalarNode scalar && scalar.getValue().matches("true|false")) {
			return Boolean.parseBoolean(scalar.getValue());
		}
		entry.problem(node, "'enabled' must be true or false");
		return false;
	}

	private Map<String, String> parameters(ScheduleEntry entry, Optional<String> job) {
		Node node = entry.node("parameters");
		Map<String, String> parameters = new LinkedHashMap<>();
		if (node == null || (node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) {
			return parameters;
		}
		if (!(node instanceof MappingNode mapping)) {
			entry.problem(node, "'parameters' must be a mapping of names to values");
			return parameters;
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
			Node value = tuple.getValueNode();
			if (!(value instanceof ScalarNode scalar)) {
				entry.problem(value, "parameter '" + key + "' must be a string, not a " + ScheduleEntry.kind(value)
						+ " (write a list as one string: EUR,GBP)");
			}
			else if (!Tag.STR.equals(scalar.getTag())) {
				// Unquoted, YAML would turn no into false, 0800 into 512, 1.10 into 1.1.
				entry.problem(value, "parameter '" + key + "' must be a string: quote " + scalar.getValue());
			}
			else if (parameters.putIfAbsent(key, scalar.getValue()) != null) {
				entry.problem(tuple.getKeyNode(), "parameter '" + key + "' appears twice");
			}
			else {
				try {
					ScheduleDefinition.requireValidParameter(key, scalar.getValue());
				}
				catch (IllegalArgumentException ex) {
					entry.problem(tuple.getKeyNode(), ex.getMessage());
					continue;
				}
				job.flatMap(name -> parameterRules.unknownName(name, key))
					.ifPresentOrElse(problem -> entry.problem(tuple.getKeyNode(), problem),
							() -> job.flatMap(name -> parameterRules.badValue(name, key, scalar.getValue()))
								.ifPresent(problem -> entry.problem(value, problem)));
			}
		}
		return parameters;
	}

	private String knownJob(String job) {
		if (!knownJobs.contains(job)) {
			throw new IllegalArgumentException(
					"unknown job '" + job + "' (known: " + String.join(", ", knownJobs) + ")");
		}
		return job;
	}

	private String knownCalendar(String calendar) {
		if (!knownCalendars.contains(calendar)) {
			throw new IllegalArgumentException(
					"unknown calendar '" + calendar + "' (known: " + String.join(", ", knownCalendars) + ")");
		}
		return calendar;
	}

	private static ZoneId zone(String text) {
		ZoneId zone;
		try {
			zone = ZoneId.of(text);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(
					"unknown time zone '" + text + "' (a region such as Europe/Paris, or UTC)");
		}
		ScheduleDefinition.requireRegionOrUtc(zone);
		return zone;
	}

	static Duration interval(String text) {
		Matcher matcher = INTERVAL.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("interval '" + text
					+ "' must be a number of seconds, minutes or hours, such as 10s, 1m, 15m or 2h");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

	static LocalTime time(String text) {
		if (!TIME.matcher(text).matches()) {
			throw new IllegalArgumentException("time '" + text + "' must be HH:mm on a 24-hour clock, such as 09:00");
		}
		return LocalTime.parse(text);
	}

	static DayOfWeek dayOfWeek(String text) {
		try {
			return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("day '" + text + "' must be a day of the week, monday to sunday");
		}
	}

	static ScheduleTrigger.DayOfMonth dayOfMonth(String text) {
		if (text.equals("last")) {
			return ScheduleTrigger.DayOfMonth.LAST;
		}
		if (!text.matches("[1-9][0-9]?")) {
			throw new IllegalArgumentException("day '" + text + "' must be 1 to 28, or last");
		}
		return new ScheduleTrigger.DayOfMonth(Integer.parseInt(text));
	}

	/**
	 * A problem and the line it is on (0: the whole file), to list them in line order.
	 */
	record Problem(int line, String message) {
	}

	private static Map<String, List<String>> triggerKeys() {
		Map<String, List<String>> keys = new LinkedHashMap<>();
		keys.put("asap", List.of("interval"));
		keys.put("daily", List.of("at"));
		keys.put("weekly", List.of("day", "at"));
		keys.put("monthly", List.of("day", "at"));
		keys.put("cron", List.of("cron"));
		return keys;
	}

}
