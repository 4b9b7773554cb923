package com.payoutrunner.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * One YAML mapping of jobs/schedules.yaml, read key by key: each problem is noted with
 * the line of the node it is about, and reading goes on, so the file reports all of them.
 */
final class ScheduleEntry {

	private final String file;

	private final MappingNode node;

	private final Map<String, Node> values = new LinkedHashMap<>();

	private final List<SchedulesFile.Problem> problems;

	private String label;

	/**
	 * @param label names the mapping in problems ("schedule #3"); null: nothing to name
	 */
	ScheduleEntry(String file, MappingNode node, String label, List<SchedulesFile.Problem> problems) {
		this.file = file;
		this.node = node;
		this.label = label;
		this.problems = problems;
		for (NodeTuple tuple : node.getValue()) {
			Node key = tuple.getKeyNode();
			if (!(key instanceof ScalarNode scalar)) {
				problem(key, "a key must be a plain word");
			}
			else if (values.putIfAbsent(scalar.getValue(), tuple.getValueNode()) != null) {
				problem(key, "key '" + scalar.getValue() + "' appears twice");
			}
		}
	}

	/** Names the schedule in later problems, once its name is known. */
	void label(String label) {
		this.label = label;
	}

	Iterable<String> keys() {
		return new ArrayList<>(values.keySet());
	}

	Node node(String key) {
		return values.get(key);
	}

	/** The scalar text of a key, as written (so 09:00 stays 09:00 and 1 stays 1). */
	Optional<String> text(String key) {
		Node value = values.get(key);
		if (value == null) {
			return Optional.empty();
		}
		if (!(value instanceof ScalarNode scalar)) {
			problem(value, "'" + key + "' must be a single value, not a " + kind(value));
			return Optional.empty();
		}
		if (scalar.getValue().isBlank()) {
			problem(value, "'" + key + "' has no value");
			return Optional.empty();
		}
		return Optional.of(scalar.getValue().trim());
	}

	Optional<String> requiredText(String key) {
		if (!values.containsKey(key)) {
			problem(node, "'" + key + "' is required");
			return Optional.empty();
		}
		return text(key);
	}

	/**
	 * The value converted, or empty with a problem at the key's line when the conversion
	 * throws IllegalArgumentException (whose message is the reason).
	 */
	<T> Optional<T> convert(String key, Optional<String> text, Function<String, T> converter) {
		if (text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(converter.apply(text.get()));
		}
		catch (IllegalArgumentException ex) {
			problem(values.getOrDefault(key, node), ex.getMessage());
			return Optional.empty();
		}
	}

	void problem(Node at, String reason) {
		problems.add(new SchedulesFile.Problem(line(at),
				file + " line " + line(at) + ": " + (label == null ? "" : label + ": ") + reason));
	}

	static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	static String kind(Node node) {
		return switch (node.getNodeId()) {
			case sequence -> "list";
			case mapping -> "mapping";
			default -> "value";
		};
	}

}
