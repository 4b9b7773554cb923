package com.payoutrunner.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import com.payoutrunner.eligibility.PayoutSkippedException;
import com.payoutrunner.payout.PayoutCandidate;
import com.payoutrunner.payout.PayoutRepository;

/**
 * Persists each skipped payout as a skip record, and its reason on the payout. Spring
 * Batch calls it inside the chunk transaction, so a restart never loses or doubles a
 * skip.
 */
public class SkipRecordingListener implements SkipListener<PayoutCandidate, Object>, StepExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(SkipRecordingListener.class);

	private final SkipRecordRepository skips;

	private final PayoutRepository payouts;

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
	public void onSkipInProcess(PayoutCandidate payout, Throwable cause) {
		if (!(cause instanceof PayoutSkippedException skip)) {
			throw new IllegalStateException("only business rejections are skippable, got " + cause, cause);
		}
		var jobExecution = stepExecution.getJobExecution();
		String category = skip.category().code();
		skips.insert(jobExecution.getJobInstance().getInstanceId(), jobExecution.getId(), stepExecution.getStepName(),
				new SkipRecordRepository.SkipRecord(payout.id(), payout.investorId(), category, skip.reason(),
						stepExecution.getStepName(), payout.bank().maskedAccount()));
		if (!payout.status().hasPaymentOrder()) {
			payouts.recordSkipReason(payout.id(), category + ": " + skip.reason());
		}
		log.debug("payout {} ({}) skipped: {}: {}", payout.id(), payout.investorId(), category, skip.reason());
	}

}
