package com.payoutrunner.support;

import java.net.URI;

import com.payoutrunner.connector.EmbeddedBank;

/**
 * The bank the runs of a test context send to: the embedded sandbox bank, or, once a test
 * {@link #makeUnreachable() makes it unreachable}, an address where nothing answers (as a
 * bank that is down), until the test ends.
 */
public class TestSandboxBank implements EmbeddedBank, RestoredAfterEachTest {

	/** The discard port: refused at once. */
	static final URI NOTHING_ANSWERS = URI.create("http://127.0.0.1:9");

	private final EmbeddedBank sandbox;

	private volatile boolean unreachable;

	TestSandboxBank(EmbeddedBank sandbox) {
		this.sandbox = sandbox;
	}

	public void makeUnreachable() {
		unreachable = true;
	}

	@Override
	public URI url() {
		return unreachable ? NOTHING_ANSWERS : sandbox.url();
	}

	@Override
	public void restore() {
		unreachable = false;
	}

}
