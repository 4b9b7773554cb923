package com.payoutrunner.connector.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.payoutrunner.core.OwnerOnlyFiles;

/**
 * The directory bank files are dropped into for the bank (or its transfer agent) to
 * collect. A file is named by its batch reference, written to a temporary name and then
 * renamed, so a collector never sees half a file. Writing a batch's file again is a no-op
 * when the content is the same, and refused when it differs: a payment file once released
 * is never replaced.
 */
final class BankFileOutbox {

	private final Path directory;

	public BankFileOutbox(Path directory) {
		this.directory = directory;
	}

	/**
	 * @return the file, newly written or already there with the same content
	 */
	public Path write(String batchReference, String extension, String content) {
		if (!batchReference.matches("[A-Za-z0-9._-]+")) {
			throw new IllegalArgumentException("batch reference '" + batchReference + "' cannot name a file");
		}
		Path target = directory.resolve(batchReference + "." + extension);
		try {
			OwnerOnlyFiles.createDirectories(directory);
			if (Files.exists(target)) {
				if (Files.readString(target, StandardCharsets.UTF_8).equals(content)) {
					return target;
				}
				throw new IllegalStateException(
						target + " already exists with other content: a released payment file is never replaced");
			}
			Path temp = directory.resolve("." + batchReference + "." + extension + ".tmp");
			// clear IBANs and account numbers, by design: owner-only
			OwnerOnlyFiles.writeString(temp, content);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target, ex);
		}
	}

}
