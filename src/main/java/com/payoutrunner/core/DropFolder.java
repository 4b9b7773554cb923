package com.payoutrunner.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory another party drops files into (the bank's answers, its statements), and
 * the loop over it: the files waiting, oldest name first (hidden ones are still being
 * written), each handed to a {@link Handler} that says what it made of it, then moved
 * where that says: {@code processed/}, {@code rejected/} beside an {@code .error.txt}
 * saying why, or left in place for the next sweep.
 */
public final class DropFolder {

	/** Where a file goes once its handler has dealt with it. */
	public enum Destination {

		/** Dealt with: to {@code processed/}. */
		PROCESSED,
		/**
		 * Its own fault, the same at every sweep: to {@code rejected/} with the reason.
		 */
		REJECTED,
		/** Not dealt with this time (busy elsewhere, a failure not its own): stays. */
		LEFT

	}

	/**
	 * What a handler made of one file: the result it reports, where the file goes, why
	 * (when rejected), and what follows once the file is in {@code processed/}.
	 */
	public record Outcome<R>(R result, Destination destination, String reason, Runnable afterMove) {

		public static <R> Outcome<R> processed(R result) {
			return new Outcome<>(result, Destination.PROCESSED, null, () -> {
			});
		}

		public static <R> Outcome<R> rejected(R result, String reason) {
			return new Outcome<>(result, Destination.REJECTED, reason, () -> {
			});
		}

		public static <R> Outcome<R> left(R result) {
			return new Outcome<>(result, Destination.LEFT, null, () -> {
			});
		}

		/** What to do once the file is in {@code processed/} (write beside it, log). */
		public Outcome<R> then(Runnable afterMove) {
			return new Outcome<>(result, destination, reason, afterMove);
		}

	}

	/** Deals with one file at a time; it never moves the file itself. */
	public interface Handler<R> {

		/**
		 * What the file is and what became of it. An exception ends the sweep there, the
		 * file left in place.
		 */
		Outcome<R> handle(Path file);

		/**
		 * The result for a processed file that could not be moved to {@code processed/}
		 * (it stays, and is met again at the next sweep); by default the sweep ends
		 * there.
		 */
		default R notMoved(Path file, Outcome<R> outcome, UncheckedIOException ex) {
			throw ex;
		}

	}

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

	/** Hands every file waiting to the handler, oldest name first, and moves it. */
	public <R> List<R> processAll(Handler<R> handler) {
		List<R> results = new ArrayList<>();
		for (Path file : waiting()) {
			results.add(process(file, handler));
		}
		return results;
	}

	private <R> R process(Path file, Handler<R> handler) {
		Outcome<R> outcome = handler.handle(file);
		switch (outcome.destination()) {
			case PROCESSED -> {
				try {
					moveTo(file, "processed");
				}
				catch (UncheckedIOException ex) {
					return handler.notMoved(file, outcome, ex);
				}
				outcome.afterMove().run();
			}
			case REJECTED -> reject(file, outcome.reason());
			case LEFT -> {
			}
		}
		return outcome.result();
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
	private Path moveTo(Path file, String folder) {
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
