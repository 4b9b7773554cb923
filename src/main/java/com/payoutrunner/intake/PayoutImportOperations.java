package com.payoutrunner.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import com.payoutrunner.payout.EventLock;

/**
 * Imports a file into an event: new content starts an import, the same content again is
 * already done.
 */
@Service
public class PayoutImportOperations {

	/**
	 * The execution that ran, or the completed one when the same content was imported
	 * before.
	 */
	public record Result(JobExecution execution, boolean alreadyImported) {
	}

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job importPayoutsJob;

	private final EventLock locks;

	public PayoutImportOperations(JobOperator jobOperator, JobRepository jobRepository, Job importPayoutsJob,
			EventLock locks) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.importPayoutsJob = importPayoutsJob;
		this.locks = locks;
	}

	public Result importFile(String event, Path file) throws Exception {
		if (!event.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
			throw new IllegalArgumentException("event id '" + event
					+ "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		Path absolute = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(absolute)) {
			throw new IllegalArgumentException("file not found: " + absolute);
		}
		JobParameters parameters = new JobParametersBuilder().addString(ImportPayoutsJobParameters.EVENT, event)
			.addString(ImportPayoutsJobParameters.FILE, absolute.toString())
			.addString(ImportPayoutsJobParameters.FILE_SHA256, sha256(absolute))
			.toJobParameters();
		try (var lock = locks.acquire(event)) {
			JobExecution last = jobRepository.getLastJobExecution(ImportPayoutsJobConfiguration.JOB_NAME, parameters);
			if (last == null) {
				return new Result(jobOperator.start(importPayoutsJob, parameters), false);
			}
			if (last.getStatus() == BatchStatus.COMPLETED) {
				return new Result(last, true);
			}
			if (last.getStatus().isRunning()) {
				// We hold the event lock: the process that left it running is gone.
				last = jobOperator.recover(last);
			}
			// Same identifying parameters: resumes the instance after its last committed
			// chunk.
			return new Result(jobOperator.start(importPayoutsJob, last.getJobParameters()), false);
		}
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
