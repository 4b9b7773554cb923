package com.payoutrunner.report;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.partitioning.PartitionNames;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutRepository;

/**
 * Persists each skipped payout as a skip record, and its reason on the payout. Spring
 * Batch reports skips while it processes a chunk; they are collected and written in two
 * statements when the chunk's writing is done, still inside the chunk's transaction, so a
 * restart never loses or doubles a skip, and a chunk that rolls back forgets its skips.
 */
public class SkipRecordingListener implements SkipListener<PayoutCandidate, Object>,
		ChunkListener<PayoutCandidate, Object>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SkipRecordingListener.class);

	private final SkipRecordRepository skips;

	private final PayoutRepository payouts;

	private final List<SkipRecordRepository.SkipRecord> pending = new ArrayList<>();

	private StepExecution stepExecution;

	public SkipRecordingListener(SkipRecordRepository skips, PayoutRepository payouts) {
		this.skips = skips;
		this.payouts = payouts;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
	}

	@Override
	public void beforeChunk(Chunk<PayoutCandidate> chunk) {
		pending.clear();
	}

	@Override
	public void onSkipInProcess(PayoutCandidate payout, Throwable cause) {
		if (!(cause instanceof PayoutSkippedException skip)) {
			throw new IllegalStateException("only business rejections are skippable, got " + cause, cause);
		}
		pending.add(new SkipRecordRepository.SkipRecord(payout.id(), payout.investorId(), skip.category().code(),
				skip.reason(), stepName(), payout.bank().maskedAccount()));
		log.debug("payout {} ({}) skipped: {}: {}", payout.id(), payout.investorId(), skip.category().code(),
				skip.reason());
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		var jobExecution = stepExecution.getJobExecution();
		skips.insertAll(jobExecution.getJobInstance().getInstanceId(), jobExecution.getId(), stepName(), pending);
		// A paid payout keeps its order: its "skip" in a rerun is a fact about that run
		// only.
		List<SkipRecordRepository.SkipRecord> unpaid = pending.stream()
			.filter(skip -> !"existing_payment_order".equals(skip.category()))
			.toList();
		payouts.recordSkipReasons(unpaid.stream().map(SkipRecordRepository.SkipRecord::payoutId).toList(),
				unpaid.stream().map(skip -> skip.category() + ": " + skip.reason()).toList());
		pending.clear();
	}

	/**
	 * A partition's skips are its step's: the report names the step, not the partition.
	 */
	private String stepName() {
		return PartitionNames.stepOf(stepExecution.getStepName());
	}

	@Override
	public void onChunkError(Exception exception, Chunk<Object> chunk) {
		pending.clear();
	}

}
