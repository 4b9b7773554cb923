package com.payoutrunner.core;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The element an {@link XmlWalker.Handler} is told about: its local name, its path of
 * local names from the root, its line. Namespaces are left out on purpose: the versions
 * of an ISO 20022 message differ by namespace, not by element name. A view of the walk's
 * current position, valid only during the call it is given to.
 */
public final class XmlElement {

	private final XMLStreamReader xml;

	/** Local names from the root to this element. */
	private final List<String> path = new ArrayList<>();

	private int line;

	XmlElement(XMLStreamReader xml) {
		this.xml = xml;
	}

	void enter(String name, int line) {
		path.add(name);
		this.line = line;
	}

	void leave() {
		path.remove(path.size() - 1);
	}

	public String name() {
		return path.get(path.size() - 1);
	}

	/** The parent's local name; null for the root. */
	public String parent() {
		return path.size() < 2 ? null : path.get(path.size() - 2);
	}

	/** 1 for the root, 2 for its children, and so on. */
	public int depth() {
		return path.size();
	}

	/** The line of the element's start tag. */
	public int line() {
		return line;
	}

	/**
	 * An attribute of the element (without namespace), null when it has none of that
	 * name; only when it starts.
	 */
	public String attribute(String localName) {
		if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
			throw new IllegalStateException("attributes are read when " + name() + " starts");
		}
		return xml.getAttributeValue(null, localName);
	}

	/** Whether the innermost elements of the path are these, outermost first. */
	public boolean endsWith(String... names) {
		if (path.size() < names.length) {
			return false;
		}
		return path.subList(path.size() - names.length, path.size()).equals(List.of(names));
	}

	/** Whether this element or one around it has the name. */
	public boolean within(String name) {
		return path.contains(name);
	}

	/**
	 * The path below an element around this one, at that depth: "NtryDtls/TxDtls/Refs"
	 * for the Refs element below an Ntry; empty for that element itself.
	 */
	public String pathBelow(int depth) {
		return String.join("/", path.subList(depth, path.size()));
	}

}
