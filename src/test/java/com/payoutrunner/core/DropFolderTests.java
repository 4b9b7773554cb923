package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

	@Test
	void eachWaitingFileGoesWhereItsHandlerSaysOldestNameFirst() throws Exception {
		Files.writeString(dir.resolve("b-poison.xml"), "x");
		Files.writeString(dir.resolve("a-good.xml"), "x");
		Files.writeString(dir.resolve("c-busy.xml"), "x");
		Files.writeString(dir.resolve(".d-still-writing.xml"), "x");
		List<String> afterMove = new ArrayList<>();

		List<String> results = new DropFolder(dir).processAll(file -> {
			String name = file.getFileName().toString();
			if (name.startsWith("a")) {
				return DropFolder.Outcome.processed("applied " + name)
					.then(() -> afterMove
						.add(name + " in processed: " + Files.exists(dir.resolve("processed/" + name))));
			}
			return name.startsWith("b") ? DropFolder.Outcome.rejected("rejected " + name, "line 1: not ours")
					: DropFolder.Outcome.left("busy " + name);
		});

		assertThat(results).containsExactly("applied a-good.xml", "rejected b-poison.xml", "busy c-busy.xml");
		assertThat(afterMove).containsExactly("a-good.xml in processed: true");
		assertThat(dir.resolve("rejected/b-poison.xml.error.txt")).hasContent("b-poison.xml: line 1: not ours");
		assertThat(new DropFolder(dir).waiting()).containsExactly(dir.resolve("c-busy.xml"));
	}

	@Test
	void aProcessedFileThatCannotBeMovedIsTheHandlersToReport() throws Exception {
		Files.writeString(dir.resolve("statement.xml"), "x");
		// a folder of that name already in processed/, not empty: the move fails
		Files.createDirectories(dir.resolve("processed/statement.xml/inside"));

		List<String> results = new DropFolder(dir).processAll(new DropFolder.Handler<>() {
			@Override
			public DropFolder.Outcome<String> handle(Path file) {
				return DropFolder.Outcome.processed("applied");
			}

			@Override
			public String notMoved(Path file, DropFolder.Outcome<String> outcome, UncheckedIOException ex) {
				return "failed: " + ex.getMessage();
			}
		});

		assertThat(results).singleElement().asString().startsWith("failed: cannot move");
		assertThat(dir.resolve("statement.xml")).exists();
		assertThatExceptionOfType(UncheckedIOException.class).as("by default the sweep ends there")
			.isThrownBy(() -> new DropFolder(dir).processAll(file -> DropFolder.Outcome.processed("applied")));
	}

}
