package com.payoutrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * The launcher the build puts next to the jar ({@code target/payout-runner}), run the way
 * an operator runs it, on the packaged jar (a copy, so that its {@code fast/} folder is
 * the test's own): the first query command extracts the jar and records its classes, the
 * next ones start from them; each prints what {@code java -jar} prints, nothing more;
 * other commands pass through to {@code java -jar}.
 */
@Tag("process")
class QueryLauncherIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	Environment environment;

	@Test
	void queryCommandsStartFromTheRecordedClassesAndPrintWhatTheJarPrints() throws Exception {
		Path dir = Files.createDirectories(Path.of("target/launcher-test/" + System.nanoTime()));
		Files.copy(Path.of("target/payout-runner.jar"), dir.resolve("payout-runner.jar"),
				StandardCopyOption.REPLACE_EXISTING);
		Files.copy(Path.of("target/payout-runner"), dir.resolve("payout-runner"));
		String event = events.sampleRun("LAUNCH");

		Result first = run(dir, "", "sh", dir.resolve("payout-runner").toString(), "status", "--event", event);
		// -Xshare:on: the JVM refuses to start unless it can use the recorded archive.
		Result second = run(dir, "-Xshare:on", "sh", dir.resolve("payout-runner").toString(), "status", "--event",
				event);
		Result byJar = run(dir, "", "java", javaOptions(), "-jar", dir.resolve("payout-runner.jar").toString(),
				"status", "--event", event);

		assertThat(first.exitCode()).as(first.stderr()).isZero();
		try (var files = Files.list(dir.resolve("fast"))) {
			assertThat(files.map(file -> file.getFileName().toString()))
				.as("the recorded classes, and no recording left behind")
				.anyMatch(name -> name.matches("query-[0-9a-z]+\\.jsa"))
				.noneMatch(name -> name.matches(".*\\.jsa\\.[0-9]+"));
		}
		assertThat(dir.resolve("fast/payout-runner.jar")).exists();
		assertThat(second.exitCode()).as(second.stderr()).isZero();
		assertThat(first.stdout()).contains("payoutRunJob").contains("COMPLETED");
		assertThat(second.stdout()).isEqualTo(first.stdout()).isEqualTo(byJar.stdout());
		assertThat(first.stderr() + second.stderr()).as("nothing about class data sharing")
			.doesNotContainIgnoringCase("cds");

		Result version = run(dir, "", "sh", dir.resolve("payout-runner").toString(), "--version");
		assertThat(version.exitCode()).isZero();
		assertThat(version.stdout()).startsWith("payout-runner ");
		FileSystemUtils.deleteRecursively(dir);
	}

	private String javaOptions() {
		return "-Dspring.datasource.url=" + environment.getProperty("spring.datasource.url");
	}

	private Result run(Path dir, String moreJavaOptions, String... command) throws Exception {
		List<String> args = List.of(command);
		File out = dir.resolve("out-" + System.nanoTime()).toFile();
		File err = dir.resolve("err-" + System.nanoTime()).toFile();
		// From the project folder, as an operator would: the configuration is config/.
		ProcessBuilder builder = new ProcessBuilder(args).directory(new File("."))
			.redirectOutput(out)
			.redirectError(err);
		builder.environment().put("JAVA_OPTS", (javaOptions() + " " + moreJavaOptions).strip());
		Process process = builder.start();
		if (!process.waitFor(3, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("launcher did not finish: " + args);
		}
		return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}
