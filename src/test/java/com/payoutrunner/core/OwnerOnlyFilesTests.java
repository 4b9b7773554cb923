package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTests {

	@TempDir
	Path dir;

	@BeforeEach
	void posixOnly() {
		assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
	}

	@Test
	void directoriesAndFilesAreOwnerOnlyWhateverTheUmask() throws Exception {
		Path nested = OwnerOnlyFiles.createDirectories(dir.resolve("reports/7"));
		OwnerOnlyFiles.writeString(nested.resolve("skips.csv"), "payout_id\r\n");

		assertThat(permissions(dir.resolve("reports"))).as("a parent may be shared: created as usual")
			.isEqualTo(permissions(Files.createDirectories(dir.resolve("as-usual"))));
		assertThat(permissions(nested)).isEqualTo("rwx------");
		assertThat(permissions(nested.resolve("skips.csv"))).isEqualTo("rw-------");
		assertThat(nested.resolve("skips.csv")).hasContent("payout_id\r\n");
	}

	@Test
	void anExistingWorldReadableFileIsRestrictedWhenRewritten() throws Exception {
		Path file = Files.writeString(dir.resolve("old.csv"), "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		OwnerOnlyFiles.writeString(file, "new");

		assertThat(permissions(file)).isEqualTo("rw-------");
		assertThat(file).hasContent("new");
	}

	@Test
	void rejectedDropFolderFilesLieInAnOwnerOnlyFolderWithTheirReasonMasked() throws Exception {
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		Path file = Files.writeString(inbox.resolve("bad.csv"), "x");

		new DropFolder(inbox).reject(file, "line 2: account DE89370400440532013000 is not ours");

		assertThat(permissions(inbox.resolve("rejected"))).isEqualTo("rwx------");
		Path reason = inbox.resolve("rejected/bad.csv.error.txt");
		assertThat(permissions(reason)).isEqualTo("rw-------");
		assertThat(Files.readString(reason)).contains("DE89**************3000").doesNotContain("0532013000");
	}

	static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
