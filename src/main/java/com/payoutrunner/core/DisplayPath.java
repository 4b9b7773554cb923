package com.payoutrunner.core;

import java.nio.file.Path;

/**
 * A file as the product shows it to clients and in summaries: relative to the working
 * directory, so that no answer reveals the server's layout; a file outside it by its last
 * three names ({@code .../reports/2/skips.csv}), enough for an operator to find it.
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
		int names = normalized.getNameCount();
		return names <= 3 ? normalized.toString()
				: ".../" + normalized.subpath(names - 3, names).toString().replace('\\', '/');
	}

}
