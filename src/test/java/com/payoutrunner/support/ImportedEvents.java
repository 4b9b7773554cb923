package com.payoutrunner.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;

import com.payoutrunner.batching.PayoutRunOperations;
import com.payoutrunner.intake.PayoutImportOperations;

/**
 * Liquidation events imported for one test, each under an event id of its own
 * ({@link TestEvents}): the shipped sample event ({@link SampleEvent}), or a file of the
 * test's.
 */
public class ImportedEvents {

	private final PayoutImportOperations imports;

	private final PayoutRunOperations runs;

	ImportedEvents(PayoutImportOperations imports, PayoutRunOperations runs) {
		this.imports = imports;
		this.runs = runs;
	}

	/** The sample event, imported; its id. */
	public String sample(String prefix) throws Exception {
		return file(prefix, SampleEvent.FILE);
	}

	/** The sample event, imported and run to completion; its id. */
	public String sampleRun(String prefix) throws Exception {
		String event = sample(prefix);
		assertThat(runs.run(event).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
		return event;
	}

	public String file(String prefix, Path file) throws Exception {
		String event = TestEvents.unique(prefix);
		imports.importFile(event, file);
		return event;
	}

}
