package com.payoutrunner.core;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files and directories that hold account data (bank files with clear IBANs,
 * reports, statements, rejected drop-folder files) readable by their owner only:
 * {@code rw-------} files and {@code rwx------} directories, whatever the umask says.
 * Where the file system has no POSIX permissions (Windows), they are created as usual and
 * the directory's own access control applies.
 */
public final class OwnerOnlyFiles {

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private OwnerOnlyFiles() {
	}

	/**
	 * Creates the directory owner-only; its missing parents are created as usual, since
	 * they may be shared (bank-files/ also holds the inboxes another party writes to).
	 */
	public static Path createDirectories(Path directory) throws IOException {
		if (!posix(directory)) {
			return Files.createDirectories(directory);
		}
		Path absolute = directory.toAbsolutePath();
		if (Files.isDirectory(absolute)) {
			return directory;
		}
		Path parent = absolute.getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try {
			Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
			// the umask may have removed bits we asked for, never added any: set them
			// exactly
			Files.setPosixFilePermissions(absolute, DIRECTORY);
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			// created meanwhile by another process: theirs to keep
		}
		return directory;
	}

	/** Creates one new directory, owner-only; fails if it exists. */
	public static Path createDirectory(Path directory) throws IOException {
		if (!posix(directory)) {
			return Files.createDirectory(directory);
		}
		Path created = Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
		Files.setPosixFilePermissions(created, DIRECTORY);
		return created;
	}

	/**
	 * A UTF-8 writer on the file, created (or truncated) owner-only before anything is
	 * written to it.
	 */
	public static Writer newWriter(Path file) throws IOException {
		var channel = posix(file)
				? Files.newByteChannel(file,
						Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
								StandardOpenOption.TRUNCATE_EXISTING),
						ownerOnlyFile())
				: Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
						StandardOpenOption.TRUNCATE_EXISTING);
		restrict(file);
		return new java.io.BufferedWriter(
				new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8.newEncoder()));
	}

	public static void writeString(Path file, String content) throws IOException {
		try (Writer writer = newWriter(file)) {
			writer.write(content);
		}
	}

	/** Makes an existing file owner-only (a file moved in from elsewhere). */
	public static void restrict(Path file) throws IOException {
		if (posix(file)) {
			Files.setPosixFilePermissions(file, FILE);
		}
	}

	private static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
		return PosixFilePermissions.asFileAttribute(FILE);
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
