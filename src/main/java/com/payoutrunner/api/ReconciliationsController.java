package com.payoutrunner.api;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.payoutrunner.core.Money;
import com.payoutrunner.reconciliation.Delivery;
import com.payoutrunner.reconciliation.ReconciliationResult;
import com.payoutrunner.reconciliation.StatementConfirmation;
import com.payoutrunner.reconciliation.StatementReconciler;

/**
 * Bank statements: {@code POST} one (the CSV of jobs/README.md or a camt.053, as the
 * request body) to reconcile it with {@code reconcileStatementJob}; list those applied,
 * with who delivered them; read one with every line and what became of it; confirm the
 * lines of someone else's upload that give money back (docs/statements.md).
 */
@RestController
@RequestMapping("/api/reconciliations")
class ReconciliationsController {

	private static final String STATEMENTS = """
			SELECT id, file_name, format, lines, matched, unmatched, rejected, ignored, settled, settled_for_less,
			    returned, batches_settled, batches_partial, needs_review, pending_confirmation, delivered_by,
			    confirmed_by, confirmed_at, applied_at
			FROM reconciliation_statements
			WHERE (CAST(:id AS bigint) IS NULL OR id = :id)
			ORDER BY id DESC LIMIT :limit OFFSET :offset""";

	private static final String LINES = """
			SELECT line_number, kind, outcome, payout_ids, amount_minor, currency, booking_date, bank_reference, refs,
			    reason, charges_minor, reason_code
			FROM reconciliation_lines WHERE statement_id = :id ORDER BY line_number, id""";

	private final StatementReconciler reconciler;

	private final StatementConfirmation confirmations;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RequestComments comments;

	ReconciliationsController(StatementReconciler reconciler, StatementConfirmation confirmations, JdbcClient jdbc,
			JsonMapper json, RequestComments comments) {
		this.comments = comments;
		this.reconciler = reconciler;
		this.confirmations = confirmations;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * 201 with the summary when applied; 200 with the first reconciliation's summary when
	 * the same content was applied before.
	 */
	@PostMapping
	ResponseEntity<JsonNode> reconcile(@RequestParam(name = "file_name", defaultValue = "statement") String fileName,
			@RequestParam(name = "unmatched_after_days",
					defaultValue = "" + StatementReconciler.DEFAULT_UNMATCHED_AFTER_DAYS) int unmatchedAfterDays,
			HttpServletRequest request, Principal principal) throws Exception {
		// Streamed to disk (RequestSizeFilter stops it at
		// payout.limits.max-statement-bytes
		// with 413), never held whole while it arrives.
		Path upload = Files.createTempFile("statement-upload-", ".part");
		try {
			try (InputStream body = request.getInputStream()) {
				Files.copy(body, upload, StandardCopyOption.REPLACE_EXISTING);
			}
			ReconciliationResult result = reconciler.reconcileUpload(fileName, upload, unmatchedAfterDays,
					Delivery.api(principal == null ? "anonymous" : principal.getName()));
			JsonNode summary = json.readTree(reconciler.summaryJson(result));
			if (result.alreadyApplied()) {
				return ResponseEntity.ok(summary);
			}
			return ResponseEntity.created(URI.create("/api/reconciliations/" + result.statementId())).body(summary);
		}
		finally {
			Files.deleteIfExists(upload);
		}
	}

	/**
	 * Applies the statement's lines that wait for a second person; 409 when its deliverer
	 * asks, or when nothing waits.
	 */
	@PostMapping("/{id}/confirm")
	Map<String, Object> confirm(@PathVariable long id, @RequestBody(required = false) JsonNode body,
			Principal principal) {
		String comment = comments.of(body);
		var confirmed = confirmations.confirm(id, principal == null ? "anonymous" : principal.getName(), comment);
		Map<String, Object> statement = statement(id);
		statement.put("confirmation_applied", confirmed.applied());
		statement.put("confirmation_no_longer_applicable", confirmed.noLongerApplicable());
		return statement;
	}

	@GetMapping
	List<Map<String, Object>> statements(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int limit) {
		if (page < 1 || limit < 1 || limit > 500) {
			throw new IllegalArgumentException("page must be 1 or more and limit 1 to 500");
		}
		return find(null, limit, (page - 1) * limit);
	}

	@GetMapping("/{id}")
	Map<String, Object> statement(@PathVariable long id) {
		List<Map<String, Object>> found = find(id, 1, 0);
		if (found.isEmpty()) {
			throw Problems.of(HttpStatus.NOT_FOUND, "unknown-statement", "no statement " + id);
		}
		Map<String, Object> statement = found.get(0);
		statement.put("entries", jdbc.sql(LINES).param("id", id).query((rs, n) -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("line", rs.getInt("line_number"));
			line.put("kind", rs.getString("kind"));
			line.put("outcome", rs.getString("outcome"));
			String ids = rs.getString("payout_ids");
			line.put("payout_ids", ids.isEmpty() ? List.of() : List.of(ids.split(" ")));
			long amount = rs.getLong("amount_minor");
			line.put("amount", rs.wasNull() ? null
					: Money.ofMinor(amount, rs.getString("currency").strip()).toDecimal().toPlainString());
			line.put("currency", rs.getString("currency") == null ? null : rs.getString("currency").strip());
			line.put("booking_date", rs.getString("booking_date"));
			line.put("bank_reference", rs.getString("bank_reference"));
			line.put("references", rs.getString("refs"));
			line.put("reason", rs.getString("reason"));
			long charges = rs.getLong("charges_minor");
			line.put("charges", rs.wasNull() ? null
					: Money.ofMinor(charges, rs.getString("currency").strip()).toDecimal().toPlainString());
			line.put("reason_code", rs.getString("reason_code"));
			return line;
		}).list());
		return statement;
	}

	private List<Map<String, Object>> find(Long id, int limit, int offset) {
		return jdbc.sql(STATEMENTS).param("id", id).param("limit", limit).param("offset", offset).query((rs, n) -> {
			Map<String, Object> statement = new LinkedHashMap<>();
			statement.put("id", rs.getLong("id"));
			statement.put("file_name", rs.getString("file_name"));
			statement.put("format", rs.getString("format"));
			statement.put("applied_at", rs.getObject("applied_at", java.time.OffsetDateTime.class).toString());
			statement.put("delivered_by", rs.getString("delivered_by"));
			int pending = rs.getInt("pending_confirmation");
			String confirmedBy = rs.getString("confirmed_by");
			statement.put("confirmation", confirmedBy != null ? "confirmed" : pending > 0 ? "pending" : "not_needed");
			statement.put("confirmed_by", confirmedBy);
			var confirmedAt = rs.getObject("confirmed_at", java.time.OffsetDateTime.class);
			statement.put("confirmed_at", confirmedAt == null ? null : confirmedAt.toString());
			for (String count : List.of("lines", "matched", "unmatched", "rejected", "ignored", "needs_review",
					"pending_confirmation", "settled", "settled_for_less", "returned", "batches_settled",
					"batches_partial")) {
				statement.put(count, rs.getInt(count));
			}
			return statement;
		}).list();
	}

}
