package com.payoutrunner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTests {

	@TempDir
	Path dir;

	@Test
	void reportsAndTheirOwnFoldersAreOwnerOnly() throws Exception {
		assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
		Path report = new ReportPaths(dir.resolve("reports")).skipReport(12);

		ReportFiles.writeAtomically(report, writer -> writer.write("payout_id\r\n"));

		assertThat(report).hasContent("payout_id");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.getParent())))
			.isEqualTo("rwx------");
		// Its parents are created as usual: the report's own folder is what keeps it.
		assertThat(Files.getPosixFilePermissions(dir.resolve("reports")))
			.isEqualTo(Files.getPosixFilePermissions(Files.createDirectories(dir.resolve("as-usual"))));
	}

}
