package com.payoutrunner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

import com.payoutrunner.config.PayoutRunnerProperties;

/**
 * The folders of a test context (one set per context, see its base class): the bank
 * files' outbox and inbox, the statements kept from the API, the statements' drop folder,
 * and the reports. Tests that look into one empty it first.
 */
public class TestFolders {

	private final PayoutRunnerProperties properties;

	TestFolders(PayoutRunnerProperties properties) {
		this.properties = properties;
	}

	public Path outbox() {
		return properties.bankFiles().outbox();
	}

	/** The bank's answers (pain.002, ACH returns). */
	public Path inbox() {
		return properties.bankFiles().inbox();
	}

	public Path statementInbox() {
		return properties.bankFiles().statementInbox();
	}

	public Path reports() {
		return properties.reportsDir();
	}

	/** Removes the outbox, the inbox and the statements' folders with all they hold. */
	public void emptyBankFolders() {
		for (Path folder : new Path[] { outbox(), inbox(), properties.bankFiles().statements(), statementInbox() }) {
			try {
				FileSystemUtils.deleteRecursively(folder);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
