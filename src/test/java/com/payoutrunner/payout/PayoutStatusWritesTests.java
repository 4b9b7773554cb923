package com.payoutrunner.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One writer of a payout's status: no class but {@link PayoutStatusWrites} changes
 * {@code payouts.status} (creating a payout with its first status is not a transition).
 */
class PayoutStatusWritesTests {

	private static final Pattern STATUS_UPDATE = Pattern
		.compile("UPDATE\\s+payouts\\b[^;]*?\\bSET\\b[^;]*?\\bstatus\\s*=", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	@Test
	void onlyPayoutStatusWritesUpdatesAPayoutsStatus() throws IOException {
		List<String> writers;
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			writers = sources.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> STATUS_UPDATE.matcher(read(path)).find())
				.map(path -> path.getFileName().toString())
				.toList();
		}

		assertThat(writers).containsExactly("PayoutStatusWrites.java");
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
