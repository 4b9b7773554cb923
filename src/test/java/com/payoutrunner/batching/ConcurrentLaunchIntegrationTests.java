package com.payoutrunner.batching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.payoutrunner.support.ScheduledRunsIntegrationTest;

/**
 * Different runs launched at the same moment (schedules firing together) all start:
 * creating their job instances must not fail each other (Spring Batch creates them
 * SERIALIZABLE unless told otherwise; see application.yaml).
 */
class ConcurrentLaunchIntegrationTests extends ScheduledRunsIntegrationTest {

	static final int LAUNCHES = 6;

	@Autowired
	PayoutRunOperations runs;

	@Test
	void slotsOfDifferentSchedulesLaunchedTogetherAllComplete() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(LAUNCHES);
		try {
			List<Future<PayoutRunOperations.Result>> results = new ArrayList<>();
			for (int i = 0; i < LAUNCHES; i++) {
				// A module no payout has: each run reads nothing, only its launch is at
				// stake.
				ScheduledRun slot = new ScheduledRun("together-" + i + "-" + suffix, "s1", List.of(), List.of(),
						List.of("nobody" + i), LocalDate.of(2026, 11, 23));
				results.add(pool.submit(() -> {
					start.await();
					return runs.runSlot(slot);
				}));
			}
			start.countDown();
			for (var result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS).execution().getStatus().name()).isEqualTo("COMPLETED");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
