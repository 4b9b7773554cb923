package com.payoutrunner.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory another party drops files into (the bank's answers, its statements): the
 * files waiting, oldest name first (hidden ones are still being written), and where each
 * goes once dealt with: {@code processed/}, or {@code rejected/} beside an
 * {@code .error.txt} saying why.
 */
public final class DropFolder {

	private final Path directory;

	private final long maxBytes;

	public DropFolder(Path directory) {
		this(directory, Long.MAX_VALUE);
	}

	/**
	 * @param maxBytes the largest file it reads: a larger one is refused before it is
	 * read, so no file that size is ever held in memory
	 */
	public DropFolder(Path directory, long maxBytes) {
		this.directory = directory;
		this.maxBytes = maxBytes;
	}

	public Path directory() {
		return directory;
	}

	public List<Path> waiting() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
	}

	/**
	 * The file's content, checked to be no larger than the limit and text we can store
	 * ({@link TextFileCheck}).
	 * @throws TextFileCheck.NotTextException when it is not: the file's own fault, so the
	 * caller rejects it rather than trying again at every sweep
	 */
	public byte[] readText(Path file) {
		byte[] content;
		try {
			long size = Files.size(file);
			if (size > maxBytes) {
				throw new TextFileCheck.NotTextException(
						size + " bytes, more than the " + maxBytes + " a file here may have (payout.limits)", 1);
			}
			content = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			// not the content's fault (permissions, a disk error): left for the next
			// sweep
			throw new UncheckedIOException("cannot read " + file, ex);
		}
		TextFileCheck.check(content);
		return content;
	}

	/**
	 * @return where the file now is
	 */
	public Path moveTo(Path file, String folder) {
		try {
			Path target = directory.resolve(folder);
			// what the other party sent stays between it and us
			OwnerOnlyFiles.createDirectories(target);
			return Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot move " + file + " to " + folder + "/", ex);
		}
	}

	/**
	 * Moves the file to {@code rejected/} and writes why beside it (accounts in the
	 * reason masked: it may quote the file).
	 */
	public void reject(Path file, String reason) {
		String name = file.getFileName().toString();
		Path moved = moveTo(file, "rejected");
		try {
			OwnerOnlyFiles.writeString(moved.resolveSibling(name + ".error.txt"),
					name + ": " + AccountMask.maskWithin(reason) + System.lineSeparator());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the reason beside " + moved, ex);
		}
	}

}
