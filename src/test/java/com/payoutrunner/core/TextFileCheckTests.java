package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextFileCheckTests {

	static Stream<Arguments> notText() {
		return Stream.of(Arguments.of(bytes("a,b\nc,\0d\n"), "a NUL byte at byte offset 6 (line 2)"),
				Arguments.of(bytes("\0"), "a NUL byte at byte offset 0 (line 1)"),
				Arguments.of(concat(bytes("name\nM"), new byte[] { (byte) 0xFC }, bytes("ller\n")),
						"not valid UTF-8: byte 0xFC at byte offset 6 (line 2)"),
				Arguments.of(concat(bytes("x\ny\nz"), new byte[] { (byte) 0xC3 }), "not valid UTF-8: byte 0xC3"),
				Arguments.of(new byte[] { (byte) 0xFF, (byte) 0xFE, 'a', 0 }, "a NUL byte"),
				Arguments.of(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "not valid UTF-8: byte 0xED"),
				Arguments.of(new byte[] { (byte) 0xC0, (byte) 0xAF }, "not valid UTF-8: byte 0xC0"));
	}

	@ParameterizedTest(name = "[{index}] {1}")
	@MethodSource("notText")
	void notTextIsRefusedNamingOffsetAndLine(byte[] content, String reason) {
		assertThatThrownBy(() -> TextFileCheck.check(content)).isInstanceOf(TextFileCheck.NotTextException.class)
			.hasMessageContaining(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a,b\r\n", "\uFEFFaccount,amount\n", "Müller, Zoë 株式会社 😀\n" })
	void utf8TextPasses(String text) {
		assertThatCode(() -> TextFileCheck.check(bytes(text))).doesNotThrowAnyException();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[]... parts) {
		var out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
