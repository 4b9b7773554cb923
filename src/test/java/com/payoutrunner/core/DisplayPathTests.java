package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DisplayPathTests {

	@Test
	void aFileInTheWorkingDirectoryIsShownRelativeToIt() {
		assertThat(DisplayPath.of(Path.of("").toAbsolutePath().resolve("reports/2/skips.csv")))
			.isEqualTo(Path.of("reports/2/skips.csv").toString());
		assertThat(DisplayPath.of(Path.of("reports/2/summary.json")))
			.isEqualTo(Path.of("reports/2/summary.json").toString());
	}

	@Test
	void aFileElsewhereIsShownByItsLastThreeNamesOnly() {
		assertThat(DisplayPath.of(Path.of("/var/lib/payout-runner/reports/2/skips.csv")))
			.isEqualTo(".../reports/2/skips.csv");
	}

}
