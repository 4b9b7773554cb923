package com.payoutrunner.core;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML document another party sent (a bank's statement, its status report) as a
 * stream of element starts and ends, each with its path ({@link XmlElement}), so that a
 * document of any size reads in constant memory and a reader keeps only what it needs.
 * Hardened, since the file comes from outside: a document type declaration is refused (so
 * no entity can expand: no billion laughs), external entities and DTDs are never fetched,
 * elements may not nest deeper than a limit nor hold more text than a limit, and the root
 * must be the document expected. Every refusal, and every place where the document is not
 * well-formed (a truncated file), is an {@link XmlFileException} naming the line.
 */
public final class XmlWalker {

	/**
	 * The document expected: {@code name} and {@code noun} for messages ("not a camt.053
	 * statement"), and its root element, whose namespace starts with
	 * {@code namespacePrefix} (any version).
	 */
	public record DocumentType(String name, String noun, String rootElement, String namespacePrefix) {

		/**
		 * Whether the namespace shows in the first 2000 bytes: how a file says what it
		 * is.
		 */
		public boolean looksLikeOne(byte[] content) {
			return new String(content, 0, Math.min(content.length, 2000), StandardCharsets.UTF_8)
				.contains(namespacePrefix);
		}

	}

	/**
	 * @param maxDepth deepest nesting of elements (the root is at 1)
	 * @param maxTextChars longest text of an element
	 * @param textSetting the setting that raises {@code maxTextChars}, named in the
	 * refusal; null when none does
	 */
	public record Limits(int maxDepth, int maxTextChars, String textSetting) {

		/** Deeper than any ISO 20022 message goes: a nesting bomb stops here. */
		public static final Limits DEFAULTS = new Limits(64, Integer.MAX_VALUE, null);

		public Limits withText(int maxChars, String setting) {
			return new Limits(maxDepth, maxChars, setting);
		}

	}

	/** Told of each element; an exception it throws ends the walk as it is. */
	public interface Handler {

		void start(XmlElement element);

		/**
		 * @param text the element's text after its last child (all of it for a leaf),
		 * stripped
		 */
		void end(XmlElement element, String text);

	}

	private XmlWalker() {
	}

	/**
	 * @throws XmlFileException when the document is not well-formed, has a document type
	 * declaration, goes over a limit or is not of the type expected
	 */
	public static void walk(byte[] content, DocumentType type, Limits limits, Handler handler) {
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(new ByteArrayInputStream(content));
			walk(xml, type, limits, handler);
		}
		catch (XMLStreamException ex) {
			int line = ex.getLocation() == null ? 0 : ex.getLocation().getLineNumber();
			throw new XmlFileException(line, "not well-formed XML: " + ex.getMessage().replaceAll("\\s+", " "));
		}
		finally {
			close(xml);
		}
	}

	/**
	 * The JDK's own StAX parser, whatever else is on the class path: the settings below
	 * are the ones it is known to honour.
	 */
	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		return factory;
	}

	private static void walk(XMLStreamReader xml, DocumentType type, Limits limits, Handler handler)
			throws XMLStreamException {
		XmlElement element = new XmlElement(xml);
		StringBuilder text = new StringBuilder();
		boolean root = true;
		while (xml.hasNext()) {
			switch (xml.next()) {
				case XMLStreamConstants.DTD -> throw new XmlFileException(line(xml),
						"a document type declaration is not allowed in a " + type.noun());
				case XMLStreamConstants.START_ELEMENT -> {
					if (root) {
						checkRoot(xml, type);
						root = false;
					}
					element.enter(xml.getLocalName(), line(xml));
					if (element.depth() > limits.maxDepth()) {
						throw new XmlFileException(line(xml), "elements nested deeper than " + limits.maxDepth());
					}
					text.setLength(0);
					handler.start(element);
				}
				case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
					String chunk = xml.getText();
					text.append(chunk);
					checkText(text.length(), chunk, limits, line(xml));
				}
				case XMLStreamConstants.END_ELEMENT -> {
					handler.end(element, text.toString().strip());
					element.leave();
					text.setLength(0);
				}
				default -> {
				}
			}
		}
	}

	private static void checkRoot(XMLStreamReader xml, DocumentType type) {
		String name = xml.getLocalName();
		String namespace = xml.getNamespaceURI();
		if (!type.rootElement().equals(name) || namespace == null || !namespace.startsWith(type.namespacePrefix())) {
			throw new XmlFileException(line(xml), "not a " + type.name() + " " + type.noun() + " (root element " + name
					+ " in namespace " + namespace + ")");
		}
	}

	/**
	 * The text so far against the limit; the chunk just read for a NUL, which no XML
	 * allows but PostgreSQL would refuse at every attempt should a parser let one by.
	 */
	private static void checkText(int length, String chunk, Limits limits, int line) {
		if (length > limits.maxTextChars()) {
			throw new XmlFileException(line, "an element's text is longer than " + limits.maxTextChars() + " characters"
					+ (limits.textSetting() == null ? "" : " (" + limits.textSetting() + ")"));
		}
		if (chunk.indexOf('\0') >= 0) {
			throw new XmlFileException(line, "contains a NUL character");
		}
	}

	private static int line(XMLStreamReader xml) {
		return xml.getLocation().getLineNumber();
	}

	private static void close(XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing left to release
			}
		}
	}

}
