package com.payoutrunner.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.env.Environment;

/**
 * The console of the operator's command line, run in-process by a test: what it prints on
 * stdout and stderr, and the settings it starts its context with (the test context's
 * database and reports directory, and any others), all given back when the test ends.
 */
public final class CliConsole implements RestoredAfterEachTest {

	private final Environment environment;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final List<String> settings = new ArrayList<>();

	private PrintStream originalOut;

	private PrintStream originalErr;

	CliConsole(Environment environment) {
		this.environment = environment;
	}

	/**
	 * Captures stdout and stderr; commands use the test context's database and reports
	 * directory.
	 */
	public void capture() {
		set("spring.datasource.url", environment.getProperty("spring.datasource.url"));
		set("payout.reports-dir", environment.getProperty("payout.reports-dir"));
		originalOut = System.out;
		originalErr = System.err;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	/** A setting the commands start with, until {@link #restore()}. */
	public void set(String name, String value) {
		System.setProperty(name, value);
		settings.add(name);
	}

	@Override
	public void restore() {
		if (originalOut != null) {
			System.setOut(originalOut);
			System.setErr(originalErr);
			originalOut = null;
			originalErr = null;
		}
		settings.forEach(System::clearProperty);
		settings.clear();
		out.reset();
		err.reset();
	}

	public String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	public String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	/** The last line printed on stdout: a command's summary JSON. */
	public String lastLine() {
		String[] lines = out().split("\n");
		return lines[lines.length - 1];
	}

}
