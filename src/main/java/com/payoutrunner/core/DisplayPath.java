package com.payoutrunner.core;

import java.nio.file.Path;

/**
 * A file as the product shows it to clients and in summaries: relative to the working
 * directory, so that no answer reveals the server's layout; a file outside it by its name
 * only.
 */
public final class DisplayPath {

	private DisplayPath() {
	}

	public static String of(Path file) {
		if (file == null) {
			return null;
		}
		if (!file.isAbsolute()) {
			return file.normalize().toString();
		}
		Path workingDirectory = Path.of("").toAbsolutePath().normalize();
		Path normalized = file.normalize();
		if (normalized.startsWith(workingDirectory)) {
			return workingDirectory.relativize(normalized).toString();
		}
		return String.valueOf(normalized.getFileName());
	}

}
