package com.payoutrunner.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared XML reading: element paths as the readers need them, and hostile documents
 * (a document type declaration with external or expanding entities, a nesting bomb, a
 * truncated file, the wrong document, text over the limit) refused with the line.
 */
class XmlWalkerTests {

	static final XmlWalker.DocumentType REPORT = new XmlWalker.DocumentType("pain.002", "status report", "Document",
			"urn:iso:std:iso:20022:tech:xsd:pain.002.");

	static final String OPEN = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.10\">";

	@Test
	void tellsEachElementWithItsPathLineAttributesAndText() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				%s
				  <Ntry><Amt Ccy="EUR"> 12.50 </Amt>
				    <Dtls><Refs><Id>A-1</Id><Id><![CDATA[B&2]]></Id></Refs></Dtls>
				  </Ntry>
				</Document>
				""".formatted(OPEN);
		List<String> seen = new ArrayList<>();

		XmlWalker.walk(bytes(xml), REPORT, XmlWalker.Limits.DEFAULTS, new XmlWalker.Handler() {
			@Override
			public void start(XmlElement element) {
				if (element.name().equals("Amt")) {
					seen.add("start Amt Ccy=" + element.attribute("Ccy") + " parent=" + element.parent() + " line="
							+ element.line());
				}
			}

			@Override
			public void end(XmlElement element, String text) {
				if (element.within("Ntry") && !element.name().equals("Ntry")) {
					seen.add(element.pathBelow(2) + " '" + text + "' depth=" + element.depth() + " refsId="
							+ element.endsWith("Refs", "Id"));
				}
			}
		});

		assertThat(seen).containsExactly("start Amt Ccy=EUR parent=Ntry line=3", "Amt '12.50' depth=3 refsId=false",
				"Dtls/Refs/Id 'A-1' depth=5 refsId=true", "Dtls/Refs/Id 'B&2' depth=5 refsId=true",
				"Dtls/Refs '' depth=4 refsId=false", "Dtls '' depth=3 refsId=false");
	}

	@Test
	void aDocumentTypeDeclarationIsRefusedBeforeAnyEntityIsRead(@TempDir Path dir) throws Exception {
		Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET");
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE Document [<!ENTITY x SYSTEM "%s">]>
				%s<Id>&x;</Id></Document>""".formatted(secret.toUri(), OPEN);
		List<String> texts = new ArrayList<>();

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(() -> XmlWalker.walk(bytes(xxe), REPORT, XmlWalker.Limits.DEFAULTS, texts(texts)))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2))
			.withMessage("line 2: a document type declaration is not allowed in a status report");
		assertThat(texts).isEmpty();
	}

	@Test
	void anExternalDtdIsNeverFetched() {
		String external = """
				<?xml version="1.0"?>
				<!DOCTYPE Document SYSTEM "http://127.0.0.1:9/never.dtd">
				%s</Document>""".formatted(OPEN);

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(
					() -> XmlWalker.walk(bytes(external), REPORT, XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.withMessageContaining("document type declaration");
	}

	@Test
	void billionLaughsAreRefusedAtOnce() {
		StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			entities.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
		}
		String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [" + entities + "]>\n" + OPEN
				+ "<Id>&lol9;</Id></Document>";
		long started = System.nanoTime();

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(() -> XmlWalker.walk(bytes(bomb), REPORT, XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.withMessageContaining("document type declaration");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void anUndeclaredEntityIsNotWellFormed() {
		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(() -> XmlWalker.walk(bytes(OPEN + "\n<Id>&x;</Id></Document>"), REPORT,
					XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2))
			.withMessageContaining("not well-formed XML");
	}

	@Test
	void aNestingBombStopsAtTheDepthLimit() {
		String deep = OPEN + "\n" + "<X>".repeat(100_000) + "</X>".repeat(100_000) + "</Document>";

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(() -> XmlWalker.walk(bytes(deep), REPORT, XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(2))
			.withMessageEndingWith("elements nested deeper than 64");
	}

	@Test
	void aTruncatedFileIsNotWellFormedNamingTheLine() {
		String truncated = "<?xml version=\"1.0\"?>\n" + OPEN + "\n<Ntry><Id>A-1</Id>\n<Id>B-";

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(
					() -> XmlWalker.walk(bytes(truncated), REPORT, XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.satisfies(ex -> assertThat(ex.line()).isEqualTo(4))
			.withMessageStartingWith("line 4: not well-formed XML: ");
	}

	@Test
	void anotherDocumentIsRefusedByItsRoot() {
		String pain001 = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"></Document>";

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(
					() -> XmlWalker.walk(bytes(pain001), REPORT, XmlWalker.Limits.DEFAULTS, texts(new ArrayList<>())))
			.withMessage("line 1: not a pain.002 status report (root element Document in namespace "
					+ "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09)");
		assertThat(REPORT.looksLikeOne(bytes(pain001))).isFalse();
		assertThat(REPORT.looksLikeOne(bytes(OPEN))).isTrue();
	}

	@Test
	void textOverTheLimitIsRefusedNamingTheSetting() {
		String xml = OPEN + "\n<Id>" + "A".repeat(101) + "</Id></Document>";
		XmlWalker.Limits limits = XmlWalker.Limits.DEFAULTS.withText(100, "payout.limits.max-cell-chars");

		assertThatExceptionOfType(XmlFileException.class)
			.isThrownBy(() -> XmlWalker.walk(bytes(xml), REPORT, limits, texts(new ArrayList<>())))
			.withMessage("line 2: an element's text is longer than 100 characters (payout.limits.max-cell-chars)");
	}

	@Test
	void aHandlersOwnRefusalEndsTheWalkAsItIs() {
		var refusal = new IllegalStateException("too many entries");

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> XmlWalker
			.walk(bytes(OPEN + "</Document>"), REPORT, XmlWalker.Limits.DEFAULTS, new XmlWalker.Handler() {
				@Override
				public void start(XmlElement element) {
					throw refusal;
				}

				@Override
				public void end(XmlElement element, String text) {
				}
			})).isSameAs(refusal);
	}

	private static XmlWalker.Handler texts(List<String> texts) {
		return new XmlWalker.Handler() {
			@Override
			public void start(XmlElement element) {
			}

			@Override
			public void end(XmlElement element, String text) {
				texts.add(text);
			}
		};
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
