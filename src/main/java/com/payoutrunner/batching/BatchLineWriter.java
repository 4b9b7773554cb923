package com.payoutrunner.batching;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import com.payoutrunner.calendar.RailCutOffs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.payoutrunner.audit.AuditDetails;
import com.payoutrunner.connector.AddressedPayout;
import com.payoutrunner.payout.PayoutLifecycle;
import com.payoutrunner.routing.RoutedPayout;

/**
 * Writes a chunk of routed payouts as batch lines, grouped into one batch per run, rail
 * and currency, and has {@link PayoutLifecycle} queue the payouts with their audit
 * events: three statements per chunk, all in the chunk's transaction. Never throws a
 * skippable exception, so the step never scans (and never re-writes) a chunk.
 */
class BatchLineWriter implements ItemWriter<AddressedPayout>, StepExecutionListener {

	private final BatchLineRepository lines;

	private final PayoutLifecycle lifecycle;

	private final RailCutOffs cutOffs;

	private final Clock clock;

	private RunContext run;

	public BatchLineWriter(BatchLineRepository lines, PayoutLifecycle lifecycle, RailCutOffs cutOffs, Clock clock) {
		this.lines = lines;
		this.lifecycle = lifecycle;
		this.cutOffs = cutOffs;
		this.clock = clock;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.run = RunContext.of(stepExecution);
	}

	private static BatchLineRepository.BatchKey batchKey(AddressedPayout item) {
		var route = item.routed().route();
		return new BatchLineRepository.BatchKey(route.rail(), route.currency().getCurrencyCode(), item.connector());
	}

	@Override
	public void write(Chunk<? extends AddressedPayout> chunk) {
		List<RoutedPayout> items = chunk.getItems().stream().map(AddressedPayout::routed).toList();
		List<BatchLineRepository.BatchKey> keys = chunk.getItems().stream().map(BatchLineWriter::batchKey).toList();
		Map<BatchLineRepository.BatchKey, Long> batchIds = lines.batchesFor(run, new HashSet<>(keys));
		List<Long> lineBatchIds = keys.stream().map(batchIds::get).toList();
		Instant now = clock.instant();
		// One value date per rail for the chunk: it depends on the rail and the time
		// only, and each asks the rail's holiday calendar.
		Map<String, LocalDate> valueDates = new HashMap<>();
		lines.insertLines(run, items, lineBatchIds,
				items.stream()
					.map(item -> valueDates.computeIfAbsent(item.route().rail(), rail -> cutOffs.valueDate(rail, now)))
					.toList());
		List<Long> queued = items.stream().map(item -> item.priced().payout().id()).toList();
		List<String> details = new ArrayList<>(queued.size());
		for (RoutedPayout item : items) {
			details.add(AuditDetails.of("rail", item.route().rail(), "rail_currency",
					item.route().currency().getCurrencyCode(), "net", item.priced().net(), "fee",
					item.priced().fee().total(), "rail_amount", item.fx().target()));
		}
		lifecycle.queue(queued, details, run.runId());
	}

}
