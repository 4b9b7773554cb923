package com.payoutrunner.batching;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.batch.core.job.DefaultJobKeyGenerator;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobKeyGenerator;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Tells whoever starts a run when its execution has started (before its first step):
 * starting runs the whole execution on the caller's thread, so the news comes from the
 * job's listener. Keyed by the job instance the start names (the key of its identifying
 * parameters, as Spring Batch keys instances): the operations start an instance only
 * under its event's or schedule's lock, so one start per key is under way at a time.
 */
class RunStarts implements JobExecutionListener {

	private final JobKeyGenerator keys = new DefaultJobKeyGenerator();

	private final Map<String, Consumer<JobExecution>> waiting = new ConcurrentHashMap<>();

	/**
	 * Runs {@code start} (which starts the run of these parameters and returns when its
	 * execution ends), telling {@code whenStarted} once the execution has started.
	 */
	JobExecution start(JobParameters parameters, Consumer<JobExecution> whenStarted, Callable<JobExecution> start)
			throws Exception {
		String key = keys.generateKey(parameters);
		// Taken already: another start of this instance is under way, which Spring
		// Batch's own refusal settles; this one waits for nothing.
		waiting.putIfAbsent(key, whenStarted);
		try {
			return start.call();
		}
		finally {
			waiting.remove(key, whenStarted);
		}
	}

	@Override
	public void beforeJob(JobExecution execution) {
		Consumer<JobExecution> whenStarted = waiting.remove(keys.generateKey(execution.getJobParameters()));
		if (whenStarted != null) {
			whenStarted.accept(execution);
		}
	}

}
