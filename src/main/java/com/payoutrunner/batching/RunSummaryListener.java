package com.payoutrunner.batching;

import com.payoutrunner.report.ReportFiles;
import com.payoutrunner.report.ReportPaths;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes summary.json once the run's status is final (COMPLETED, FAILED or STOPPED), and
 * puts the run and execution ids into the logging context for the run's duration.
 */
class RunSummaryListener implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(RunSummaryListener.class);

	private final RunSummaryService summaries;

	private final ReportPaths paths;

	public RunSummaryListener(RunSummaryService summaries, ReportPaths paths) {
		this.summaries = summaries;
		this.paths = paths;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		MDC.put("run", "run=" + execution.getJobInstance().getInstanceId() + " exec=" + execution.getId());
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			String json = summaries.toJson(summaries.summarize(execution));
			ReportFiles.writeAtomically(paths.summary(execution.getId()), writer -> writer.write(json + "\n"));
		}
		catch (RuntimeException ex) {
			log.error("could not write the run summary of execution {}", execution.getId(), ex);
		}
		finally {
			MDC.remove("run");
		}
	}

}
