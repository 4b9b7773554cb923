package com.payoutrunner.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.payoutrunner.support.PostgresIntegrationTest;

class AuditTrailIntegrationTests extends PostgresIntegrationTest {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void auditEventsCanBeAppendedButNeverChangedOrDeleted() {
		long runId = System.nanoTime();
		audit.payoutEvents("line_created", AuditCategory.FINANCIAL, "info", "test", runId, List.of(1L, 2L),
				List.of("{\"rail\":\"SEPA\"}", "{\"rail\":\"ACH\"}"));

		assertThat(jdbc.sql("SELECT details->>'rail' FROM audit_events WHERE run_id = :run ORDER BY entity_id")
			.param("run", runId)
			.query(String.class)
			.list()).containsExactly("SEPA", "ACH");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_events SET actor = 'someone else' WHERE run_id = :run")
			.param("run", runId)
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_events WHERE run_id = :run").param("run", runId).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_events").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
	}

}
