package com.payoutrunner.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.ImportedEvents;
import com.payoutrunner.support.PostgresIntegrationTest;

/**
 * A line sent for the first time has its submission saved with its first attempt already
 * counted, in the insert (the writer no longer updates a fresh submission to count it):
 * after a run every submission is accepted after exactly one attempt.
 */
class SubmissionAttemptsIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	ImportedEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFirstSubmissionCountsOneAttempt() throws Exception {
		String event = events.sampleRun("ATTEMPTS");

		List<String> submissions = jdbc.sql("""
				SELECT s.status || '/' || s.attempts FROM payment_submissions s
				JOIN payout_batch_lines l ON l.id = s.batch_line_id JOIN payouts p ON p.id = l.payout_id
				WHERE p.liquidation_event_id = :event""").param("event", event).query(String.class).list();

		assertThat(submissions).hasSize(49).containsOnly("accepted/1");
	}

}
