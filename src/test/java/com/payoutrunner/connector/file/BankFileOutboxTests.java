package com.payoutrunner.connector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankFileOutboxTests {

	@TempDir
	Path dir;

	@Test
	void aBatchFileIsNamedByItsReferenceAndLeavesNoTemporaryFile() throws Exception {
		Path file = new BankFileOutbox(dir).write("B12-ACH-USD-nacha", "ach", "content\n");

		assertThat(file).hasFileName("B12-ACH-USD-nacha.ach").hasContent("content");
		try (var entries = Files.list(dir)) {
			assertThat(entries).containsExactly(file);
		}
	}

	@Test
	void writingTheSameBatchFileAgainChangesNothing() throws Exception {
		BankFileOutbox outbox = new BankFileOutbox(dir);
		Path first = outbox.write("B1", "ach", "same\n");
		var modified = Files.getLastModifiedTime(first);

		Path second = outbox.write("B1", "ach", "same\n");

		assertThat(second).isEqualTo(first);
		assertThat(Files.getLastModifiedTime(second)).isEqualTo(modified);
	}

	@Test
	void aReleasedFileIsNeverReplacedByDifferentContent() {
		BankFileOutbox outbox = new BankFileOutbox(dir);
		outbox.write("B1", "ach", "first\n");

		assertThatThrownBy(() -> outbox.write("B1", "ach", "second\n")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("a released payment file is never replaced");
		assertThat(dir.resolve("B1.ach")).hasContent("first");
	}

	@Test
	void aReferenceThatCannotNameAFileIsRefused() {
		assertThatThrownBy(() -> new BankFileOutbox(dir).write("../etc/passwd", "ach", "x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void bankFilesWithTheirClearAccountsAreOwnerOnly() throws Exception {
		org.junit.jupiter.api.Assumptions
			.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
		Path outbox = dir.resolve("bank-files/outbox");

		Path file = new BankFileOutbox(outbox).write("B3-SEPA-EUR-sepa", "xml", "<IBAN>DE89370400440532013000</IBAN>");

		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
			.isEqualTo("rw-------");
		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(outbox)))
			.isEqualTo("rwx------");
	}

}
