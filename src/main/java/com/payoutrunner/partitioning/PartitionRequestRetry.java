package com.payoutrunner.partitioning;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.integration.handler.advice.RequestHandlerRetryAdvice;

/**
 * The manager's patience with the broker: a partition request that could not be put on
 * the queue (the broker restarts, or did not confirm in time) is sent again, 1 s, 2 s, 4
 * s … at most 10 s apart, until {@code patience} has passed; only then does the
 * partitioned step fail (and the run with it, restartable). Each failed try is logged.
 */
final class PartitionRequestRetry {

	private static final Logger log = LoggerFactory.getLogger(PartitionRequestRetry.class);

	private PartitionRequestRetry() {
	}

	static RequestHandlerRetryAdvice advice(Duration patience, String queue) {
		RequestHandlerRetryAdvice advice = new RequestHandlerRetryAdvice();
		advice.setRetryPolicy(RetryPolicy.builder()
			.maxRetries(Long.MAX_VALUE)
			.timeout(patience)
			.delay(Duration.ofSeconds(1))
			.multiplier(2)
			.maxDelay(Duration.ofSeconds(10))
			.build());
		advice.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
				log.warn(
						"manager: cannot put a partition request on queue {} ({}); trying again (attempt {}, for up to {} s "
								+ "in all)",
						queue, rootMessage(state.getLastException()), state.getRetryCount() + 1, patience.toSeconds());
			}
		});
		return advice;
	}

	private static String rootMessage(Throwable failure) {
		return failure == null ? "no answer" : NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
	}

}
