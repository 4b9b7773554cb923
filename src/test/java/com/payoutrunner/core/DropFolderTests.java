package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropFolderTests {

	@TempDir
	Path dir;

	@Test
	void aFileOverTheLimitIsRefusedUnreadAsTheFilesOwnFault() throws Exception {
		Path file = Files.write(dir.resolve("statement.csv"), new byte[2048]);

		assertThatExceptionOfType(TextFileCheck.NotTextException.class)
			.isThrownBy(() -> new DropFolder(dir, 1024).readText(file))
			.withMessageContaining("2048 bytes, more than the 1024");
	}

	@Test
	void aFileWithinTheLimitIsReadWhenItIsText() throws Exception {
		Path file = Files.writeString(dir.resolve("statement.csv"), "booking_date\n");

		assertThat(new DropFolder(dir, 1024).readText(file)).hasSize(13);
	}

}
