import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a bench's time went, per step, from a JFR recording (java -XX:StartFlightRecording=
 * filename=rec.jfr,settings=profile -jar target/payout-runner.jar bench ...).
 *
 * usage: java docs/perf/JfrSteps.java rec.jfr
 *
 * Spring Batch 6 records its own events per item and per chunk: they give each step's window
 * and how its chunk transactions split into read, process, write and the rest (commit, step
 * bookkeeping). Within each window: socket reads of 10 ms or more on the step's thread
 * (port 5432: waiting for the database; others: the bank), GC pauses, and the CPU samples' hottest methods (self time) and packages.
 */
public class JfrSteps {

	static final class Step {

		Instant first = Instant.MAX, last = Instant.MIN;

		long chunks;

		Duration read = Duration.ZERO, process = Duration.ZERO, write = Duration.ZERO, transaction = Duration.ZERO,
				database = Duration.ZERO, otherSockets = Duration.ZERO, gc = Duration.ZERO;

		long samples;

		final Map<String, Integer> methods = new TreeMap<>(), packages = new TreeMap<>();

	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		Map<String, Step> steps = new LinkedHashMap<>();
		// pass 1: the steps' windows and chunk phases from Spring Batch's events
		for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
			String type = e.getEventType().getName();
			if (!type.startsWith("org.springframework.batch") || !e.hasField("stepName")) {
				continue;
			}
			Step s = steps.computeIfAbsent(e.getString("stepName"), n -> new Step());
			if (s.first.isAfter(e.getStartTime())) {
				s.first = e.getStartTime();
			}
			if (s.last.isBefore(e.getEndTime())) {
				s.last = e.getEndTime();
			}
			if (type.endsWith("ItemReadEvent")) {
				s.read = s.read.plus(e.getDuration());
			}
			else if (type.endsWith("ItemProcessEvent")) {
				s.process = s.process.plus(e.getDuration());
			}
			else if (type.endsWith("ChunkWriteEvent")) {
				s.write = s.write.plus(e.getDuration());
			}
			else if (type.endsWith("ChunkTransactionEvent")) {
				s.transaction = s.transaction.plus(e.getDuration());
				s.chunks++;
			}
		}
		// what came before the first step: JVM and context start, generating the bench's file
		Step before = new Step();
		before.first = Instant.MIN;
		before.last = steps.values().stream().map(w -> w.first).min(Comparator.naturalOrder()).orElse(Instant.MAX);
		Map<String, Step> windows = new LinkedHashMap<>();
		windows.put("(before the first step)", before);
		windows.putAll(steps);
		steps = windows;
		// pass 2: what the JVM did inside each window
		for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
			Step s = windows.values()
				.stream()
				.filter(w -> !e.getStartTime().isBefore(w.first) && e.getStartTime().isBefore(w.last))
				.findFirst()
				.orElse(null);
			if (s == null) {
				continue;
			}
			switch (e.getEventType().getName()) {
				case "jdk.SocketRead" -> {
					if (!"main".equals(e.getThread("eventThread").getJavaName())) {
						continue;
					}
					if (e.getInt("port") == 5432) {
						s.database = s.database.plus(e.getDuration());
					}
					else {
						s.otherSockets = s.otherSockets.plus(e.getDuration());
					}
				}
				case "jdk.GarbageCollection" -> s.gc = s.gc.plus(e.getDuration("sumOfPauses"));
				case "jdk.ExecutionSample" -> {
					if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
						continue;
					}
					s.samples++;
					RecordedFrame top = e.getStackTrace().getFrames().get(0);
					String type = top.getMethod().getType().getName();
					s.methods.merge(type + "." + top.getMethod().getName(), 1, Integer::sum);
					String[] parts = type.split("\\.");
					s.packages.merge(String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, parts.length))), 1,
							Integer::sum);
				}
				default -> {
				}
			}
		}
		steps.forEach((name, s) -> {
			double wall = s.first == Instant.MIN ? 0 : seconds(Duration.between(s.first, s.last));
			System.out.printf("== %s: %.1f s wall, %d chunks%n", name, wall, s.chunks);
			Duration rest = s.transaction.minus(s.read).minus(s.process).minus(s.write);
			System.out.printf("   in chunk transactions %.1f s: read %.1f, process %.1f, write %.1f, rest (commit, "
					+ "bookkeeping) %.1f%n", seconds(s.transaction), seconds(s.read), seconds(s.process),
					seconds(s.write), seconds(rest));
			System.out.printf("   main thread waiting on socket reads (>10 ms each): database %.1f s, others (the "
					+ "bank) %.1f s; GC pauses %.1f s; %d CPU samples%n", seconds(s.database), seconds(s.otherSockets),
					seconds(s.gc), s.samples);
			print("   top methods (self)", s.methods, s.samples);
			print("   top packages (self)", s.packages, s.samples);
		});
	}

	static void print(String title, Map<String, Integer> counts, long total) {
		System.out.println(title + ":");
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(8)
			.forEach(c -> System.out.printf("     %5.1f%% %s%n", 100.0 * c.getValue() / total, c.getKey()));
	}

	static double seconds(Duration d) {
		return d.toNanos() / 1e9;
	}

}
