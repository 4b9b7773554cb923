package com.payoutrunner.report;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Prints a step's progress (read, written, skipped, filtered, rate) at most every
 * {@code interval} while it runs and once when it ends, on the operator's output. One
 * instance per step, because it keeps the step's clock.
 */
public class StepProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

	private final PrintStream out;

	private final Clock clock;

	private final Duration interval;

	private final boolean printsEnd;

	private StepExecution stepExecution;

	private Instant started;

	private Instant lastPrinted;

	public StepProgressListener(PrintStream out, Clock clock, Duration interval) {
		this(out, clock, interval, true);
	}

	private StepProgressListener(PrintStream out, Clock clock, Duration interval, boolean printsEnd) {
		this.out = out;
		this.clock = clock;
		this.interval = interval;
		this.printsEnd = printsEnd;
	}

	/**
	 * For a partition: prints while it runs, not when it ends (its manager step prints
	 * the added-up counts of all its partitions then).
	 */
	public static StepProgressListener whileRunning(PrintStream out, Clock clock, Duration interval) {
		return new StepProgressListener(out, clock, interval, false);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.started = clock.instant();
		this.lastPrinted = started;
	}

	@Override
	public void afterChunk(Chunk<Object> chunk) {
		Instant now = clock.instant();
		if (Duration.between(lastPrinted, now).compareTo(interval) >= 0) {
			lastPrinted = now;
			print("running");
		}
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!printsEnd) {
			return null;
		}
		print(stepExecution.getStatus().name().toLowerCase(java.util.Locale.ROOT));
		return null;
	}

	private void print(String state) {
		StepExecution s = stepExecution;
		double seconds = Math.max(Duration.between(started, clock.instant()).toMillis(), 1) / 1000.0;
		out.printf(java.util.Locale.ROOT,
				"[%s] %s: read %d, written %d, skipped %d, filtered %d (%.0f items/s, %.1f s)%n", s.getStepName(),
				state, s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getFilterCount(),
				s.getReadCount() / seconds, seconds);
		out.flush();
	}

}
