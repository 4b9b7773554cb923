package com.payoutrunner.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks that a file another party dropped is text we can store: strict UTF-8 (a
 * malformed byte is refused, never replaced by U+FFFD, which would silently change a
 * reference or a name) and no NUL byte (PostgreSQL refuses it in text, so such a file
 * would fail the same way on every attempt). The reason names the byte offset and the
 * line, so that the sender can find it.
 */
public final class TextFileCheck {

	/** Why the content is not text: the file's own fault, retrying it cannot help. */
	public static final class NotTextException extends RuntimeException {

		private final int line;

		public NotTextException(String message, int line) {
			super(message);
			this.line = line;
		}

		/** The line of the first offending byte (1 for the end of the file). */
		public int line() {
			return line;
		}

	}

	private TextFileCheck() {
	}

	/**
	 * @throws NotTextException naming the first offending byte's offset and line
	 */
	public static void check(byte[] content) {
		for (int i = 0; i < content.length; i++) {
			if (content[i] == 0) {
				throw new NotTextException("a NUL byte at byte offset " + i + " (line " + line(content, i) + ")",
						line(content, i));
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				int offset = in.position();
				throw new NotTextException("not valid UTF-8: byte 0x%02X at byte offset %d (line %d)"
					.formatted(content[offset] & 0xFF, offset, line(content, offset)), line(content, offset));
			}
			if (result.isUnderflow()) {
				break;
			}
			out.clear();
		}
		CoderResult flush = decoder.flush(out.clear());
		if (flush.isError()) {
			throw new NotTextException("not valid UTF-8 at the end of the file", line(content, content.length));
		}
	}

	private static int line(byte[] content, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (content[i] == '\n') {
				line++;
			}
		}
		return line;
	}

}
