package com.payoutrunner.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.payoutrunner.core.OwnerOnlyFiles;

/**
 * Writes report files atomically: to a temporary name, then renamed, so a reader never
 * sees half a file. Reports name investors and masked accounts: files and folders are
 * owner-only ({@link OwnerOnlyFiles}).
 */
public final class ReportFiles {

	public interface Content {

		void writeTo(Writer writer) throws IOException;

	}

	private ReportFiles() {
	}

	public static void writeAtomically(Path target, Content content) {
		try {
			OwnerOnlyFiles.createDirectories(target.getParent());
			Path temp = target.resolveSibling(target.getFileName() + ".tmp");
			try (Writer writer = OwnerOnlyFiles.newWriter(temp)) {
				content.writeTo(writer);
			}
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write report " + target, ex);
		}
	}

}
